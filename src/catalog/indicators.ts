// The canonical indicator catalog, as data: one entry per measure, with the wordings that counties
// use for it. `patterns` are matched against a name normalized by `normalizeName` (simplified,
// no spaces, no "*" marks, no bracketed notes); a name matches the first entry with a matching
// pattern. Patterns are anchored so that different measures stay apart: 起数 is not 死亡人数, and
// 较大及以上 is not 重特大.
//
// `better` is the measure's direction: for "lower" a smaller target (or a larger decrease) is the
// more ambitious. `national` holds the main targets of the national 十四五 emergency-system plan
// (国家“十四五”应急体系规划, 主要指标), as printed there.

export interface CatalogEntry {
  id: string;
  name: string;
  better: "lower" | "higher";
  /** regular expressions (source text) over the normalized name */
  patterns: string[];
  /** the national 十四五 plan's target, as printed, when it sets one */
  national?: { target: string; fiveYearAverage: boolean; nature: "binding" | "expected" };
}

const GDP = "(?:亿元|单位|万元)?(?:全[县区市省国]|地区|国内|县域|区域)?(?:生产总值|GDP)";
const PLACE = "(?:全[县区市省国]|本[县区市]|地区|国内|县域|区域)?";

export const INDICATOR_CATALOG: CatalogEntry[] = [
  {
    id: "safety.deaths",
    name: "生产安全事故死亡人数",
    better: "lower",
    patterns: ["^(?:各类)?生产安全事故死亡人数$"],
    national: { target: "下降15%", fiveYearAverage: false, nature: "binding" },
  },
  { id: "safety.accidents", name: "生产安全事故起数", better: "lower", patterns: ["^(?:各类)?生产安全事故(?:总)?起数$"] },
  { id: "safety.major-accidents", name: "较大及以上生产安全事故起数", better: "lower", patterns: ["^较大及以上(?:生产安全)?事故(?:起数|数量)$"] },
  { id: "safety.serious-accidents", name: "重特大生产安全事故起数", better: "lower", patterns: ["^重特大(?:生产安全)?事故(?:起数|数量)$"] },
  {
    id: "safety.death-rate-gdp",
    name: "亿元生产总值生产安全事故死亡率",
    better: "lower",
    patterns: [`^${GDP}生产安全事故死亡率$`],
    national: { target: "下降33%", fiveYearAverage: false, nature: "binding" },
  },
  {
    id: "safety.death-rate-workers",
    name: "工矿商贸就业人员十万人生产安全事故死亡率",
    better: "lower",
    patterns: ["^工矿商贸(?:就业|从业)人员(?:每)?十万人生产安全事故死亡率$"],
    national: { target: "下降20%", fiveYearAverage: false, nature: "binding" },
  },
  { id: "safety.road-death-rate", name: "道路交通万车死亡率", better: "lower", patterns: ["^道路交通(?:事故)?万车死亡率$"] },
  { id: "safety.fire-death-rate", name: "火灾十万人口死亡率", better: "lower", patterns: ["^火灾(?:每)?十万人口死亡率$"] },
  { id: "safety.special-equipment-death-rate", name: "特种设备万台死亡率", better: "lower", patterns: ["^特种设备万台死亡率$"] },
  { id: "safety.fishing-deaths", name: "渔业船舶事故死亡人数", better: "lower", patterns: ["^渔业船舶(?:水上)?事故死亡(?:人数|失踪人数)$"] },
  {
    id: "disaster.loss-share-gdp",
    name: "年均因自然灾害直接经济损失占生产总值比例",
    better: "lower",
    patterns: [`^(?:年均)?(?:因自然灾害|因灾|自然灾害)(?:造成的)?(?:直接)?经济损失占${PLACE}${GDP}(?:的)?(?:比例|比重)$`, `^单位${GDP}自然灾害直接经济损失$`],
    national: { target: "<1%", fiveYearAverage: true, nature: "expected" },
  },
  {
    id: "disaster.death-rate",
    name: "年均每百万人口因自然灾害死亡率",
    better: "lower",
    patterns: ["^(?:年均)?每百万人口因(?:自然灾害|灾)死亡率$"],
    national: { target: "<1", fiveYearAverage: true, nature: "expected" },
  },
  {
    id: "disaster.affected-per-100k",
    name: "年均每十万人受灾人次",
    better: "lower",
    patterns: ["^(?:年均)?每十万人(?:口)?受灾人次$"],
    national: { target: "<15000", fiveYearAverage: true, nature: "expected" },
  },
  { id: "relief.initial-relief-hours", name: "受灾群众基本生活得到初步救助时间", better: "lower", patterns: ["^(?:受灾群众)?基本生活得到(?:初步|有效)救助(?:的)?时间$"] },
  { id: "forest.fire-monitoring-coverage", name: "森林火灾监测覆盖率", better: "higher", patterns: ["^森林火灾(?:监测|检测|视频监控)覆盖率$"] },
  { id: "forest.fire-damage-rate", name: "森林火灾受害率", better: "lower", patterns: ["^森林火灾受害率$"] },
  {
    id: "forest.professional-team-rate",
    name: "专业森林防灭火队伍配备率",
    better: "higher",
    patterns: ["^(?:森林火灾高风险(?:镇街|乡镇|地区))?专业森林防(?:灭)?火队伍配备率$"],
  },
  { id: "rescue.firefighter-population-share", name: "专职消防人员占总人口的比例", better: "higher", patterns: [`^专职消防(?:队)?(?:人员|队员)占${PLACE}(?:总)?人口(?:的)?(?:比例|比重)$`] },
  { id: "rescue.red-cross-certification-rate", name: "红十字救护员取证率", better: "higher", patterns: ["^(?:社会救援力量)?红十字救护员取证率$"] },
  { id: "relief.shelter-standardization-rate", name: "避灾安置中心规范化建设率", better: "higher", patterns: ["^(?:镇街|乡镇|[县区市])?(?:级)?避灾安置(?:中心|场所)规范化建设率$"] },
];
