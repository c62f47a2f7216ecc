// Document metadata from the front matter (the covering notice and the plan's own title, everything
// before chapter 一) and from the web record's key–value block. The notice's signature — the issuing
// organ and the date under it — is the plan's issuer and signing date; the web record only fills gaps,
// because its dates are often the page's, not the document's. What the document is (kind, level,
// domain, place) comes from identify.ts, with the lines that decided it.
import type { DocumentKind } from "../catalog/document-kinds.js";
import type { Level } from "../catalog/divisions.js";
import type { At, Line, MetaAt } from "../model.js";
import { codePointCount, HAN } from "../text/chars.js";
import { readingsOf } from "../text/pinyin.js";
import { bareDocNumber, docNumberIn, frontDocNumber } from "./docnumber.js";
import { countyOfBody } from "./body-place.js";
import { bodyPeriod, classify, countyOf, countyOfOrgan, domainIdOf, domainOfOpening, placeOf, slugFor, type Reason } from "./identify.js";
import { documentNames } from "./names.js";
import { atOf } from "./at.js";

export interface Metadata {
  kind: DocumentKind;
  /** which lines decided what the document is and where it is from */
  reasons: Reason[];
  county: string | null;
  slug: string | null;
  /** the plan's own title; for an interpretation, the plan it explains; for other documents, their name */
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number } | null;
  level: Level | null;
  domain: string | null;
  divisionCode: string | null;
  province: string | null;
  prefecture: string | null;
  /** a county named that is not in the division list (a typo, a mojibake remnant) */
  unknownPlace: string | null;
  /** where each field was read */
  at: MetaAt;
}

const ORGAN = /(?:人民政府|政府|办公室|办公厅|委员会|管理局|应急管理厅|厅|局|管委会)$/u;
const ORGAN_THEN_DATE = new RegExp(`([${HAN}]{2,30}?(?:人民政府|办公室|办公厅|委员会|管理局|应急管理厅|局))[\\s　]*((?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)`, "u");
/** Lines that may stand between a signature's organ and its date: a seal's note, a second organ. */
const SIGNATURE_GAP = 2;

/** pinyin of a name without its suffix, for places the division list does not hold. */
export function slugOf(county: string): string {
  const base = county.replace(/(自治县|自治州|自治区|县|区|市|旗|州|盟)$/u, "") || county;
  const slug = readingsOf(base)
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  // a slug names an output file: never empty, never the name of one of the dataset's own files
  if (slug === "") return "county";
  return RESERVED_SLUGS.has(slug) ? `${slug}-county` : slug;
}

/** File names the dataset itself uses (manifest.json) or that some systems reserve (con, nul…). */
const RESERVED_SLUGS = new Set(["manifest", "documents", "chapters", "tasks", "indicators", "projects", "con", "prn", "aux", "nul", "com1", "lpt1"]);

const pad = (n: number) => String(n).padStart(2, "0");
function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A date as printed: 2021年12月28日, 2021-12-28, 2021.12.28, or digits whose 年月日 were lost (2022811),
 *  read only where one reading is a valid date. */
export function parseDate(text: string): string | null {
  const t = arabicDate(text.trim());
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2,4})$/u.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const rest = m[2];
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const iso = isoDate(y, Number(rest.slice(0, cut)), Number(rest.slice(cut)));
    if (iso && rest.slice(0, cut).length <= 2 && rest.slice(cut).length <= 2) readings.add(iso);
  }
  return readings.size === 1 ? [...readings][0] : null;
}

const CN_DIGIT: Record<string, string> = { 〇: "0", "○": "0", 零: "0", Ｏ: "0", O: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
const CN_DATE = /^([〇○零ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/u;
/** 一 → 1, 十 → 10, 十二 → 12, 二十六 → 26, 三十一 → 31 */
function cnCount(s: string): number {
  const [tens, ones] = s.includes("十") ? s.split("十") : ["", s];
  const digit = (c: string) => Number(CN_DIGIT[c] ?? 0);
  return (s.includes("十") ? (tens ? digit(tens) : 1) * 10 : 0) + (ones ? digit(ones) : 0);
}

/** A date a signature prints in Chinese numerals (二〇二二年三月二十六日) in Arabic ones; other text as it is. */
function arabicDate(t: string): string {
  const m = CN_DATE.exec(t);
  if (!m) return t;
  return `${[...m[1]!].map((c) => CN_DIGIT[c]).join("")}年${cnCount(m[2]!)}月${cnCount(m[3]!)}日`;
}

interface Signature {
  issuer: string | null;
  date: string;
  line: number;
  /** the lines of the organ and of the date */
  issuerFrom: Line | null;
  dateFrom: Line;
}

/** The notice's signature: an organ's name on its own line followed by a date line; an organ and a
 *  date on one line (a run-on page); or, where the organ was lost, the first date line after the
 *  notice's words (…印发给你们，请…). */
function signature(front: Line[]): Signature | null {
  for (let i = 0; i + 1 < front.length; i++) {
    const organ = front[i]!.text.trim();
    if (!ORGAN.test(organ) || codePointCount(organ) > 30) continue;
    // the date under it, maybe after a short line or two that are no sentence (（此件公开发布）, a second organ)
    for (let k = i + 1; k < Math.min(front.length, i + 2 + SIGNATURE_GAP); k++) {
      const t = front[k]!.text;
      const date = parseDate(t);
      if (date && !/印发/u.test(t)) return { issuer: organ, date, line: front[k]!.line, issuerFrom: front[i]!, dateFrom: front[k]! };
      if (codePointCount(t.trim()) > 30 || /[。；，]/u.test(t)) break;
    }
  }
  for (const l of front) {
    const m = ORGAN_THEN_DATE.exec(l.text);
    // an organ glued to its date signs only at the line's end (not 经县人民政府2022年3月1日常务会议…)
    const glued = m !== null && !/[\s　]$/u.test(l.text.slice(0, m.index + m[1]!.length + 1)) && l.text.slice(m.index + m[0].length).trim() !== "";
    const date = m && !glued ? parseDate(m[2]!.replace(/\s+/gu, "")) : null;
    if (m && date && !/印发/u.test(m[1]!)) return { issuer: m[1]!.replace(/^.*?(?:通知|[。；])\s*/u, ""), date, line: l.line, issuerFrom: l, dateFrom: l };
  }
  const notice = front.findIndex((l) => /印发给你们|现予印发|请认真|请结合|贯彻执行|组织实施|抓好落实/u.test(l.text));
  if (notice >= 0) {
    for (const l of front.slice(notice + 1, notice + 6)) {
      const date = parseDate(l.text);
      if (date) return { issuer: null, date, line: l.line, issuerFrom: null, dateFrom: l };
    }
  }
  return null;
}

/** 结合X实际: the place a plan says it was made for. */
const PRACTICAL = new RegExp(`结合([${HAN}]{2,4}?)(?:实际|县情|市情|区情)`, "u");

const ISSUED_DATE_KEYS = ["成文日期", "公文生成日期", "生成日期", "发文日期", "发布日期", "发布时间", "时间", "日期"];
const ISSUER_KEYS = ["发布机构", "发文机关", "发布单位", "发文机构"];
const DOC_NUMBER_KEYS = ["文号", "发文字号"];
const TITLE_KEYS = ["标题", "名称", "文件名称"];

/** `front` is the first lines of `lines` (before the body); `source` names the file in `at`;
 *  `recordLines` are the lines the web record's keys were read from. */
export function extractMetadata(front: Line[], meta: Record<string, string>, lines: Line[], chapters = 0, source = "", recordLines: Record<string, Line> = {}): Metadata {
  const reasons: Reason[] = [];
  const names = documentNames(front, lines, meta);
  const named = names[0] ?? null;
  const kind = classify(named, front.length ? front : lines.slice(0, 40), lines, chapters, reasons);
  // a title names its county; a name without one ("“十四五”综合防灾减灾规划") leaves it to the issuer
  const titled = names.find((n) => countyOf(n.name) !== null);
  const title = kind.kind === "interpretation" ? kind.describes : (titled ?? named)?.name ?? null;
  const sig = signature(front);
  let issuer = sig?.issuer ?? null;
  let issuedDate = sig?.date ?? null;
  if (sig) reasons.push({ line: sig.line, why: `signed ${issuer ?? "(organ lost)"} on ${issuedDate}` });
  issuedDate ??= firstDate(meta, ISSUED_DATE_KEYS);
  issuer ??= meta["发布机构"] ?? meta["发文机关"] ?? meta["发布单位"] ?? meta["发文机构"] ?? null;
  const recordDocNumber = meta["文号"] ?? meta["发文字号"] ? bareDocNumber(meta["文号"] ?? meta["发文字号"]!) ?? docNumberIn(meta["文号"] ?? meta["发文字号"]!) : null;
  const docNumber = recordDocNumber ?? frontDocNumber(front.map((l) => l.text));

  const lineOf = (i: number | null | undefined) => (i === null || i === undefined ? null : (front[i] ?? lines[i])?.line ?? null);
  const namedCounty = kind.kind === "interpretation" ? (kind.describes ? countyOf(kind.describes) : null) : titled ? countyOf(titled.name) : null;
  const contextText = [title ?? "", issuer ?? "", meta["发布机构"] ?? "", front.slice(0, 30).map((l) => l.text).join("\n")].join("\n");
  const realIssuer = issuer && !/[_]|赌|娱乐|彩/u.test(issuer) ? issuer : null;
  const practical = PRACTICAL.exec(lines.slice(0, 60).map((l) => l.text).join("\n"));
  // a plan that names no place in its title, issuer or record: the place its body calls its own
  const body = kind.kind === "plan" && !namedCounty ? countyOfBody(lines) : null;
  const place = placeOf(
    [
      { county: namedCounty, why: kind.kind === "interpretation" ? "the plan it explains" : `its name "${titled?.name ?? ""}" (${titled?.from ?? ""})`, line: lineOf(kind.kind === "interpretation" ? null : titled?.index) },
      { county: realIssuer ? countyOfOrgan(realIssuer) : null, why: `its issuer ${realIssuer}`, line: sig?.line ?? null },
      { county: meta["发布机构"] ? countyOfOrgan(meta["发布机构"]) : null, why: `the record's 发布机构 ${meta["发布机构"]}`, line: null },
      { county: practical && !/^[我本全该]/u.test(practical[1]!) ? practical[1]! : null, why: `结合${practical?.[1]}实际`, line: null, mustBeDivision: true },
      { county: body?.county ?? null, why: `its body (${body?.how})`, line: body?.line ?? null },
    ],
    contextText,
    reasons,
  );
  const domain = domainIdOf(title) ?? (kind.kind === "plan" && !title ? domainOfOpening(lines) : null);
  const stated = periodFound(title ?? "", lines.map((l) => l.text).join("\n"));
  const period = stated.period ?? (kind.kind === "plan" && !title ? bodyPeriod(lines) : null);

  // where each field was read: a line of the front (or the body), or the web record's key
  const at = (from: Array<Line | null | undefined>): At | null => (from.some(Boolean) ? atOf(source, from) : null);
  const record = (keys: string[], value: string | null): At | null => (value === null ? null : at([keys.filter((k) => k in meta).map((k) => recordLines[k])[0]]));
  const titleNamed = kind.kind === "interpretation" ? null : titled ?? named;
  const titleAt = titleNamed?.index !== null && titleNamed?.index !== undefined ? at(lines.slice(titleNamed.index, (titleNamed.last ?? titleNamed.index) + 1)) : record(TITLE_KEYS, titleNamed ? title : null);
  const issuerAt = sig?.issuer ? at([sig.issuerFrom]) : record(ISSUER_KEYS, issuer);
  const countyFrom: Array<() => At | null> = [
    () => titleAt,
    () => issuerAt,
    () => record(["发布机构"], meta["发布机构"] ?? null),
    () => at([lines.slice(0, 60).find((l) => practical && l.text.includes(practical[0]))]),
    () => at([lines.find((l) => l.line === body?.line)]),
  ];
  const metaAt: MetaAt = {
    title: title === null ? null : titleAt,
    issuer: issuer === null ? null : issuerAt,
    docNumber: docNumber === null ? null : recordDocNumber !== null ? record(DOC_NUMBER_KEYS, docNumber) : at([front.find((l) => frontDocNumber([l.text]) !== null)]),
    issuedDate: issuedDate === null ? null : sig ? at([sig.dateFrom]) : record(ISSUED_DATE_KEYS.filter((k) => meta[k] && parseDate(meta[k].split(/\s+/)[0]!)), issuedDate),
    county: place.by === null ? null : countyFrom[place.by]!(),
    period:
      period === null ? null
      : stated.offset !== null ? at([lines[lineIndexAt(lines, stated.offset)]])
      : stated.period ? titleAt
      : at([lines.find((l) => l.text.includes(FIVE_YEAR_NAMES[period.start] ?? `${period.start}`))]),
  };
  return {
    kind: kind.kind,
    reasons,
    county: place.county,
    slug: slugFor(place, domain, slugOf),
    title,
    issuer,
    docNumber,
    issuedDate,
    period,
    level: place.level,
    domain,
    divisionCode: place.division?.code ?? null,
    province: place.division?.province ?? null,
    prefecture: place.division?.prefecture ?? null,
    unknownPlace: place.unknown,
    at: metaAt,
  };
}

/** The index of the line that holds a character offset of the lines joined by "\n". */
function lineIndexAt(lines: Line[], offset: number): number {
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    end += lines[i]!.text.length + 1;
    if (offset <= end) return i;
  }
  return lines.length - 1;
}

function firstDate(meta: Record<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const d = meta[k] ? parseDate(meta[k].split(/\s+/)[0]) : null;
    if (d) return d;
  }
  return null;
}

const FIVE_YEAR_PLANS: Record<string, number> = { 十三五: 2016, 十四五: 2021, 十五五: 2026 };
const FIVE_YEAR_NAMES: Record<number, string> = Object.fromEntries(Object.entries(FIVE_YEAR_PLANS).map(([name, start]) => [start, name]));

/** The plan period: an explicit 2021-2025年 range, else the five-year plan the title names. */
export function periodOf(title: string, text: string): { start: number; end: number } | null {
  return periodFound(title, text).period;
}

/** The plan period and where the text states it (the offset of its years; null when from the title). */
function periodFound(title: string, text: string): { period: { start: number; end: number } | null; offset: number | null } {
  const explicit = /(?:规划期|期限|时期)[^。]{0,12}?(20\d{2})\s*[-—–~至到]\s*(20\d{2})\s*年/u.exec(text) ?? /（(20\d{2})\s*[-—–]\s*(20\d{2})\s*年）/u.exec(text);
  if (explicit && Number(explicit[2]) - Number(explicit[1]) === 4) return { period: { start: Number(explicit[1]), end: Number(explicit[2]) }, offset: explicit.index + explicit[0].indexOf(explicit[1]!) };
  for (const [name, start] of Object.entries(FIVE_YEAR_PLANS)) if (title.includes(name)) return { period: { start, end: start + 4 }, offset: null };
  return { period: null, offset: null };
}
