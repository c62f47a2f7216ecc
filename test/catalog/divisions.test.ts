import { describe, expect, it } from "vitest";
import { divisionByCode, divisionSlug, divisionsNamed, namePinyin, resolveDivision, shortName } from "../../src/catalog/divisions.js";
import { domainOf } from "../../src/catalog/domains.js";

describe("divisions (GB/T 2260)", () => {
  it("places the seeds' counties with their code, province, prefecture and level", () => {
    expect(divisionsNamed("永嘉县")[0]).toMatchObject({ code: "330324", province: "浙江省", prefecture: "温州市", level: "county" });
    expect(divisionsNamed("临安区")[0]).toMatchObject({ code: "330112", level: "district" });
    expect(divisionsNamed("晋江市")[0]).toMatchObject({ code: "350582", level: "county-city", prefecture: "泉州市" });
    expect(divisionsNamed("德阳市")[0]).toMatchObject({ code: "510600", level: "city", prefecture: null });
    expect(divisionsNamed("江西省")[0]).toMatchObject({ code: "360000", level: "province" });
    expect(divisionByCode("620722")?.name).toBe("民乐县");
  });
  it("finds a division by its short name, and not a name that is none", () => {
    expect(divisionsNamed("含山").map((d) => d.name)).toEqual(["含山县"]);
    expect(divisionsNamed("县情工作")).toEqual([]);
    expect(shortName("长阳土家族自治县")).toBe("长阳");
    expect(shortName("单县")).toBe("单县");
  });
  it("tells two divisions of one name apart by the places around them, or not at all", () => {
    expect(resolveDivision("江北区", "宁波市江北区人民政府办公室")?.code).toBe("330205");
    expect(resolveDivision("江北区", "重庆市江北区人民政府 《重庆市安全生产“十四五”规划》")?.code).toBe("500105");
    expect(resolveDivision("江北区", "江北区应急管理局")).toBeNull();
  });
  it("makes stable, readable slugs: the place's own reading, namesakes prefixed by their prefecture", () => {
    expect(["永嘉县", "临安区", "乐至县", "晋江市"].map((n) => divisionSlug(divisionsNamed(n)[0]!))).toEqual(["yongjia", "linan", "lezhi", "jinjiang"]);
    expect(namePinyin("民乐县")).toBe("minle");
    expect(namePinyin("乐清市")).toBe("yueqing");
    expect(namePinyin("长阳土家族自治县")).toBe("changyang");
    expect(divisionsNamed("江北区").map(divisionSlug)).toEqual(["ningbo-jiangbei", "chongqing-jiangbei"]);
  });
});

describe("domains", () => {
  it("takes the domain its title names first", () => {
    expect(domainOf("某县“十四五”综合防灾减灾救灾规划")?.id).toBe("disaster-reduction");
    expect(domainOf("某市“十四五”应急体系建设（含安全生产）规划")?.id).toBe("emergency-management");
    expect(domainOf("某县防震减灾“十四五”规划")?.id).toBe("earthquake");
    expect(domainOf("某市消防事业“十四五”发展规划")?.id).toBe("fire");
    expect(domainOf("某县国土空间规划")).toBeNull();
  });
});
