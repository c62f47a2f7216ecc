// How place names are read where the ordinary reading of a character is not the place's: 民乐县 is
// Mínlè, not mínyuè. Whole names (as GB/T 2260 prints them), taken from @pinyin-pro/data's complete
// dictionary where it differs from pinyin-pro's default and checked by hand, plus the few that neither
// reads right (洪洞, 尉氏, 六安). A slug is built from these before any character reading.
export const PLACE_READINGS: Record<string, string> = {
  乐亭县: "lao ting xian", 望都县: "wang du xian", 蔚县: "yu xian", 万柏林区: "wan bai lin qu", 繁峙县: "fan shi xian",
  尧都区: "yao du qu", 昆都仑区: "kun du lun qu", 克什克腾旗: "ke shi ke teng qi", 商都县: "shang du xian",
  调兵山市: "diao bing shan shi", 珲春市: "hun chun shi", 穆棱市: "mu ling shi", 绥棱县: "sui ling xian", 闵行区: "min hang qu",
  盐都区: "yan du qu", 江都区: "jiang du qu", 乐清市: "yue qing shi", 莲都区: "lian du qu", 歙县: "she xian", 涡阳县: "guo yang xian",
  都昌县: "du chang xian", 宁都县: "ning du xian", 于都县: "yu du xian", 乐陵市: "lao ling shi", 单县: "shan xian", 殷都区: "yin du qu",
  浚县: "xun xian", 魏都区: "wei du qu", 泌阳县: "bi yang xian", 黄陂区: "huang pi qu", 曾都区: "zeng du qu", 花都区: "hua du qu",
  大埔县: "da bu xian", 都安瑶族自治县: "du an yao zu zi zhi xian", 丰都县: "feng du xian", 新都区: "xin du qu", 什邡市: "shi fang shi",
  丹棱县: "dan ling xian", 筠连县: "jun lian xian", 都匀市: "du yun shi", 三都水族自治县: "san du shui zu zi zhi xian", 牟定县: "mou ding xian",
  秦都区: "qin du qu", 吴堡县: "wu bu xian", 民乐县: "min le xian", 武都区: "wu du qu", 乐都区: "le du qu", 都兰县: "du lan xian",
  红寺堡区: "hong si bu qu", 尉犁县: "yu li xian", 乌什县: "wu shi xian", 阿图什市: "a tu shi shi", 喀什地区: "ka shi di qu",
  喀什市: "ka shi shi", 塔什库尔干塔吉克自治县: "ta shi ku er gan ta ji ke zi zhi xian", 大埔区: "da bu qu", 郫都区: "pi du qu",
  洪洞县: "hong tong xian", 尉氏县: "yu shi xian", 六安市: "lu an shi",
};
