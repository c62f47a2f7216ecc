import { describe, expect, it } from "vitest";
import { bareDocNumber, frontDocNumber } from "../../src/segment/docnumber.js";
import { countyOf, countyOfOrgan } from "../../src/segment/identify.js";
import { segment } from "../../src/segment/index.js";
import { documentNames, isCitation } from "../../src/segment/names.js";

const lines = (text: string) => text.trim().split("\n").map((t, i) => ({ text: t.trim(), line: i + 1 }));
const nameOf = (text: string) => documentNames(lines(text), lines(text), {})[0] ?? null;

describe("the document's own name", () => {
  it("reads a title that ends with its years, or is wrapped over two lines, or carries a file label", () => {
    expect(nameOf("某某县“十四五”综合防灾减灾规划（2021-2025年）")?.name).toBe("某某县“十四五”综合防灾减灾规划（2021-2025年）");
    expect(nameOf("德阳市“十四五”应急体系\n建设规划")?.name).toBe("德阳市“十四五”应急体系建设规划");
    expect(nameOf("霍邱县“十四五”安全生产规划(23页).docx")?.name).toBe("霍邱县“十四五”安全生产规划");
  });
  it("takes the body's 编制《…》, never a 《…》 it cites", () => {
    const text = "依据《天水市“十四五”应急管理体系建设规划》《清水县国民经济和社会发展第十四个五年规划纲要》等，编制《清水县“十四五”安全生产规划》。";
    expect(nameOf(text)).toMatchObject({ name: "清水县“十四五”安全生产规划", from: "compiled" });
    expect(nameOf("根据《某某市“十四五”应急管理规划》，结合实际，制定本规划。")).toBeNull();
    expect(nameOf("制定了《推进安全生产领域改革发展的实施方案》《关于加快建设应急管理体系的实施意见》。")).toBeNull();
    expect(isCitation("依据《甲》《乙》", "依据《甲》".length)).toBe(true);
  });
  it("takes the county as the last division before the subject, and an organ's county", () => {
    expect(countyOf("宁波市江北区应急管理“十四五”规划")).toBe("江北区");
    expect(countyOf("长阳土家族自治县应急体系建设“十四五”规划")).toBe("长阳土家族自治县");
    expect(countyOf("“十四五”综合防灾减灾规划")).toBeNull();
    expect(countyOfOrgan("岑溪市人民政府办公室")).toBe("岑溪市");
    expect(countyOfOrgan("施甸县地震局")).toBe("施甸县");
    // a word with a unit's suffix is no place: 城市 after 浦东新区 is the plan's subject
    expect(countyOf("上海市浦东新区城市公共安全及应急管理“十四五”规划")).toBe("浦东新区");
    expect(countyOf("城市安全发展“十四五”规划")).toBeNull();
  });
});

describe("文号", () => {
  it("puts back lost brackets and 号 where the digits read one way", () => {
    expect(bareDocNumber("京应急发202131")).toBe("京应急发〔2021〕31号");
    expect(bareDocNumber("迁政发〔201325")).toBe("迁政发〔2013〕25号");
    expect(bareDocNumber("[发文字号] 嘉应急发202214")).toBe("嘉应急发〔2022〕14号");
    expect(bareDocNumber("应急发1234567")).toBeNull();
    // standing alone, a 文号 of any organ: a 新区's 管委会, a 防汛抗旱指挥部
    expect(bareDocNumber("河江东管〔2022〕18号")).toBe("河江东管〔2022〕18号");
    expect(bareDocNumber("文号：潜防指〔2022〕4号")).toBe("潜防指〔2022〕4号");
  });
  it("refuses a 文号 quoted as another document's", () => {
    expect(frontDocNumber(["按照《关于做好应急管理“十四五”规划编制工作的通知》（渝安办〔2019〕81号）要求，县应急局牵头组织编制了本规划。"])).toBeNull();
    expect(frontDocNumber(["遂政发〔2021〕40号"])).toBe("遂政发〔2021〕40号");
    expect(frontDocNumber(["…规划的通知鄞政办发〔2021〕102号各镇（街道）："])).toBe("鄞政办发〔2021〕102号");
  });
});

describe("what a document is, by the last word of its name", () => {
  const kindOf = (text: string) => {
    const ls = lines(text);
    return segment(ls, {}, "t.txt").meta;
  };
  it("tells action and implementation plans with their years, and plans of other terms", () => {
    const body = "\n为做好工作，制定本方案。\n一、总体要求\n坚持人民至上。\n二、主要任务\n（一）排查隐患\n1.开展排查。";
    expect(kindOf("徐闻县安全生产专项整治三年行动实施计划" + body).kind).toBe("action-plan");
    expect(kindOf("某某县安全生产专项整治三年行动计划（2020—2022年）" + body).kind).toBe("action-plan");
    const plan = "\n为提升能力，制定本规划。\n一、现状与形势\n全县成效明显。\n二、总体要求\n坚持人民至上。";
    expect(kindOf("修水县综合防灾减灾规划（2021-2035年）" + plan).kind).toBe("other-period-plan");
    expect(kindOf("修水县综合防灾减灾规划" + plan.replace("制定本规划。", "制定本规划。规划期限为2020—2030年。")).kind).toBe("other-period-plan");
    expect(kindOf("修水县综合防灾减灾规划（2021-2025年）" + plan).kind).toBe("plan");
  });
});
