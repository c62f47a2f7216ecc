// Project themes, as data: a project belongs to the theme whose words its name (then its group and
// description) hits most; ties go to the earlier theme. Order matters: a "应急指挥平台" is a platform
// before it is rescue.

export interface Theme {
  id: string;
  label: string;
  words: string[];
}

export const PROJECT_THEMES: Theme[] = [
  { id: "platforms", label: "数字化与指挥平台", words: ["平台", "信息化", "数字", "智慧", "智能", "指挥", "通信", "网络", "系统", "大数据", "一张图", "感知", "视频", "卫星", "互联网"] },
  { id: "hazards", label: "风险隐患治理", words: ["隐患", "整治", "风险", "安全生产", "危化", "危险化学品", "执法", "监管", "标准化", "双重预防", "本质安全", "园区", "矿山", "燃气", "交通安全"] },
  { id: "prevention", label: "防灾减灾", words: ["防灾", "减灾", "自然灾害", "地质灾害", "防汛", "防台", "水利", "地震", "气象", "普查", "森林防火", "防灭火", "治水", "海塘", "山洪", "预警"] },
  { id: "rescue", label: "救援力量", words: ["救援", "消防", "队伍", "航空", "直升机", "救护", "专职", "站", "装备", "基地"] },
  { id: "supplies", label: "物资保障与避灾安置", words: ["物资", "储备", "避灾", "避难", "安置", "保障中心", "仓库", "库"] },
  { id: "education", label: "宣传教育与培训", words: ["宣教", "宣传", "教育", "培训", "科普", "体验", "文化", "演练", "安全社区", "素养"] },
  { id: "grassroots", label: "基层与社会治理", words: ["基层", "网格", "社区", "乡镇", "村级", "应急管理员", "保险", "责任险", "社会力量", "志愿"] },
];

export const OTHER_THEME: Theme = { id: "other", label: "其他", words: [] };
