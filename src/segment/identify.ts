// What a file is — a 十四五 plan, an interpretation of one, a contingency plan, an action plan, a plan
// of another period, or none of these — and where it is from, each with the lines that decided it.
// Plans of every level (county, district, county-level city, city, province) and of every domain
// around emergency management are plans; a county is taken only from the document's own name, its
// issuer or its 编制《…》, never from a document it cites.
import {
  ACTION_NAME,
  CONTINGENCY_BODY,
  CONTINGENCY_NAME,
  INTERPRETATION,
  INTERPRETATION_OUTLINE,
  OTHER_PERIOD,
  PAPER,
  PLAN_NAME,
  THIS_PERIOD,
  WORK_POINTS_NAME,
  type DocumentKind,
} from "../catalog/document-kinds.js";
import { DEFAULT_DOMAIN, domainOf } from "../catalog/domains.js";
import { divisionSlug, divisionsNamed, isDivisionName, resolveDivision, type Division, type Level } from "../catalog/divisions.js";
import type { Line } from "../model.js";
import { codePointCount, HAN } from "../text/chars.js";
import { firstQuoted, type Named } from "./names.js";

export interface Reason {
  /** the input line that decided it, when one did */
  line: number | null;
  why: string;
}

export interface Place {
  county: string | null;
  division: Division | null;
  level: Level | null;
  /** set when the county named is not in the division list (a typo, a mojibake remnant) */
  unknown: string | null;
  /** the index of the candidate that named it */
  by: number | null;
}

/** The longest division name (双江拉祜族佤族布朗族傣族自治县 and the like stay under it). */
export const MAX_PLACE_NAME = 16;
/** A place name not in the division list (a typo, a renamed county) is taken only this short. */
const UNLISTED_PLACE_MAX = 6;
/** An administrative unit's name: a short 州 (德宏州, 恩施州) too, but not the 州 of a city's own name (广州市). */
const ADMIN_UNIT = new RegExp(`[${HAN}]+?(?:自治县|自治州|自治旗|特别行政区|自治区|省|市|盟|地区|县|区|旗|州(?![市区县]))`, "gu");
/** Where a title's subject starts: the place names are before it. */
const SUBJECT = /“|"|十四五|十三五|十五五|应急|安全生产|防灾|减灾|综合防|消防|防震|防汛|地质|森林|突发|自然灾害|\d{4}/u;

/** Is a unit name not on the division list still a place (某某县, 恩施州, a renamed county)? Not a
 *  word of two characters (城市, 全县, 辖区, 园区: one character and a unit's suffix), nor a long run
 *  of words, nor — after a listed place — a name the list does not know by its short form either
 *  (上海市浦东新区城市… is 浦东新区's plan, not 城市's). */
function unlistedPlace(name: string, afterListed: boolean): boolean {
  const n = codePointCount(name);
  if (n <= 2 || n > (/自治/u.test(name) ? MAX_PLACE_NAME : UNLISTED_PLACE_MAX)) return false;
  return !afterListed || divisionsNamed(name).length > 0;
}

/** The county in a title: the last administrative unit before the plan's subject (杭州市临安区应急… →
 *  临安区; 宁波市江北区… → 江北区). */
export function countyOf(title: string): string | null {
  const subjectAt = title.search(SUBJECT);
  const prefix = subjectAt > 0 ? title.slice(0, subjectAt) : subjectAt === 0 ? "" : title;
  // place names open a title, one after another (宁波市江北区…): a unit further in (…推进海绵城市) is not one
  const head = prefix.replace(/^关于印发|^[《“]/u, "");
  const chain = new RegExp(ADMIN_UNIT.source, "uy");
  let last: string | null = null;
  let lastListed = false;
  for (let m = chain.exec(head); m; m = chain.exec(head)) {
    const listed = isDivisionName(m[0]);
    if (!listed && !unlistedPlace(m[0], lastListed)) break;
    last = m[0];
    lastListed = listed;
  }
  return last;
}

/** A place, then its organ: its government, an office, or a 局/委/厅/办/中心/队 of up to eight characters. */
const ORGAN_OF_PLACE = new RegExp(`^(.+?(?:自治县|自治州|自治旗|自治区|省|市|盟|地区|县|区|旗|州(?![市区县])))(?:人民政府|行政公署|政府|应急管理|安全生产|减灾|防汛|地震|消防|委员会|办公|[${HAN}]{0,8}(?:局|委|厅|办|中心|大队|支队))`, "u");

/** An organ's county: 岑溪市人民政府办公室 → 岑溪市, 施甸县地震局 → 施甸县. */
export function countyOfOrgan(organ: string): string | null {
  const m = ORGAN_OF_PLACE.exec(organ);
  return m ? (countyOf(m[1]!) ?? m[1]!) : null;
}

/** Where the document is from: the county its name, issuer or 结合X实际 names, placed on the division
 *  list with the help of the places the text names. */
export function placeOf(candidates: Array<{ county: string | null; why: string; line: number | null; mustBeDivision?: boolean }>, context: string, reasons: Reason[]): Place {
  for (const [by, c] of candidates.entries()) {
    if (!c.county) continue;
    if (c.mustBeDivision && divisionsNamed(c.county).length === 0) continue;
    const division = resolveDivision(c.county, context) ?? (divisionsNamed(c.county).length === 1 ? divisionsNamed(c.county)[0]! : null);
    const county = division && !isDivisionName(c.county) ? division.name : c.county;
    reasons.push({ line: c.line, why: `county ${county} from ${c.why}` });
    if (division) return { county, division, level: division.level, unknown: null, by };
    const ambiguous = divisionsNamed(c.county).length > 1;
    return { county, division: null, level: levelBySuffix(county), unknown: ambiguous ? null : county, by };
  }
  return { county: null, division: null, level: null, unknown: null, by: null };
}

function levelBySuffix(name: string): Level {
  if (/(?:省|自治区)$/u.test(name)) return "province";
  if (/(?:自治州|地区|盟)$/u.test(name)) return "city";
  if (/区$/u.test(name)) return "district";
  if (/市$/u.test(name)) return "county-city";
  return "county";
}

/** A slug names its plan's place (stable: from the division list) and, for plans of a domain other
 *  than emergency management, the domain: shidian, shidian-earthquake. */
export function slugFor(place: Place, domain: string | null, fallback: (county: string) => string): string | null {
  if (!place.county) return null;
  const base = place.division ? divisionSlug(place.division) : fallback(place.county);
  return domain && domain !== DEFAULT_DOMAIN ? `${base}-${domain}` : base;
}

/** A note in brackets after a name's last word: its years, a draft's label. */
const NAME_NOTE = /[（(][^（）()]{0,20}[）)]$/u;
const YEAR_RANGE = /((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年?/u;

/** The years a name gives itself: 某某县综合防灾减灾规划（2020-2030年）. */
function yearsOf(name: string): { start: number; end: number } | null {
  const m = YEAR_RANGE.exec(name);
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/** The term a plan's body gives it (规划期限为2021—2035年; 本规划期限为2020年至2030年), when its name gives none. */
function termOf(body: Line[]): { start: number; end: number } | null {
  for (const l of body.slice(0, BODY_TERM_LINES)) {
    const m = /(?:规划期限?|规划期为|实施期限|规划年限|规划时限|期限为)[^。；]{0,6}?((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年/u.exec(l.text);
    if (m) return { start: Number(m[1]), end: Number(m[2]) };
  }
  return null;
}
/** Lines of the body where a plan states its term. */
const BODY_TERM_LINES = 80;

/** How a plan's body speaks of the plan itself: 制定本规划, 本《规划》, its term and targets (规划期为…, 规划目标). */
const OWN_PLAN_BODY = /本规划|本《规划》|规划期[限为]|规划目标|规划基期/u;

const isChromeMention = (t: string) => /链接|相关|栏目|导航/u.test(t);

export interface Kind {
  kind: DocumentKind;
  /** for an interpretation: the plan it explains */
  describes: string | null;
}

/**
 * What the document is, from its name and its opening lines. `opening` are its first clean lines;
 * `chapters` how many chapter headings its outline holds.
 */
export function classify(named: Named | null, opening: Line[], body: Line[], chapters: number, reasons: Reason[]): Kind {
  const nameLine = named?.index !== null && named?.index !== undefined ? opening[named.index]?.line ?? null : null;
  for (const l of opening.slice(0, 12)) {
    const t = l.text.trim();
    if (INTERPRETATION.test(t) && !isChromeMention(t)) {
      reasons.push({ line: l.line, why: `interpretation: "${t.slice(0, 40)}"` });
      const named = firstQuoted([l]) ?? planNamedIn(t) ?? opening.slice(0, 12).map((o) => planNamedIn(o.text.trim())).find(Boolean) ?? firstQuoted(opening);
      return { kind: "interpretation", describes: named ?? null };
    }
  }
  const drafting = body.slice(0, 80).filter((l) => INTERPRETATION_OUTLINE.test(l.text.trim()));
  if (drafting.length >= 1 && !named) {
    const plan = body.slice(0, 40).flatMap((l) => [...l.text.matchAll(/《([^》]{4,60}?(?:规划|纲要))(?:[（(][^）)]*[）)])?》/gu)].map((m) => m[1]!))[0] ?? null;
    if (plan) {
      reasons.push({ line: drafting[0]!.line, why: `interpretation: its outline tells how a plan was drafted ("${drafting[0]!.text.trim().slice(0, 20)}")` });
      return { kind: "interpretation", describes: plan };
    }
  }
  const paper = opening.slice(0, 20).filter((l) => PAPER.test(l.text.trim()));
  if (paper.length >= 2) {
    reasons.push({ line: paper[0]!.line, why: "a paper: abstract, key words, CLC number" });
    return { kind: "not-a-plan", describes: null };
  }
  const reported = opening.slice(0, 12).find((l) => /^近日|印发实施$/u.test(l.text.trim()));
  const speaksOf = body.slice(0, 40).some((l) => /以下简称《[^》]+》|《规划》(?:指出|提出|明确|强调)/u.test(l.text));
  if (reported && speaksOf) {
    reasons.push({ line: reported.line, why: `news about a document: "${reported.text.trim().slice(0, 30)}"` });
    return { kind: "not-a-plan", describes: null };
  }
  const name = named?.name ?? null;
  if (name) {
    const by = (kind: DocumentKind, why: string): Kind => {
      reasons.push({ line: nameLine, why: `${why}: "${name}" (${named!.from})` });
      return { kind, describes: null };
    };
    // what a name is, told by its last word: its years or a note in brackets come after it
    const bare = name.replace(NAME_NOTE, "");
    if (CONTINGENCY_NAME.test(bare)) return by("contingency-plan", "named a contingency plan");
    if (ACTION_NAME.test(bare)) return by("action-plan", "named an action or implementation plan");
    if (WORK_POINTS_NAME.test(bare)) return by("not-a-plan", "named work points or a work plan");
    if (OTHER_PERIOD.test(name) && !THIS_PERIOD.test(name)) return by("other-period-plan", "a plan of another five-year period");
    const years = yearsOf(name);
    if (years && !THIS_PERIOD.test(name) && !(years.start === 2021 && years.end === 2025)) return by("other-period-plan", `a plan for ${years.start}–${years.end}, not the 14th five-year period`);
    if (PLAN_NAME.test(name) || /规划/u.test(name)) {
      if (!THIS_PERIOD.test(name) && otherPeriodBody(body)) return by("other-period-plan", "a plan whose body is of another five-year period");
      const term = THIS_PERIOD.test(name) ? null : termOf(body);
      if (term && !(term.start === 2021 && term.end === 2025)) return by("other-period-plan", `a plan whose term is ${term.start}–${term.end}, not the 14th five-year period`);
      return by("plan", "named a plan");
    }
  }
  const contingency = body.filter((l) => CONTINGENCY_BODY.test(l.text.trim()));
  if (contingency.length >= 2) {
    reasons.push({ line: contingency[0]!.line, why: "a contingency plan's outline (1 总则, 本预案)" });
    return { kind: "contingency-plan", describes: null };
  }
  const ownPlan = body.find((l) => OWN_PLAN_BODY.test(l.text));
  if (ownPlan && chapters > 0) {
    const term = termOf(body);
    if (otherPeriodBody(body) || (term && !(term.start === 2021 && term.end === 2025))) {
      reasons.push({ line: ownPlan.line, why: term ? `a plan (本规划) whose term is ${term.start}–${term.end}, not the 14th five-year period` : "a plan (本规划) of another five-year period" });
      return { kind: "other-period-plan", describes: null };
    }
    reasons.push({ line: ownPlan.line, why: "untitled, but its body is a plan (本规划) with chapters" });
    return { kind: "plan", describes: null };
  }
  reasons.push({ line: null, why: "no plan name, no plan body" });
  return { kind: "not-a-plan", describes: null };
}

/** The plan an interpretation's heading names without 《》: 【文字解读】X规划, 对X规划进行了解读. */
function planNamedIn(text: string): string | null {
  const t = text.replace(/【[^】]*】|^[^：:—]*解读[：:—]+|^关于/gu, "");
  const m = /(?:^|对)([^，。：:]{4,50}?(?:规划|纲要))(?:[（(]20\d{2}\s*[-—–]\s*20\d{2}年?[）)])?(?:进行了?解读|的?政策解读|解读)?$/u.exec(t.trim()) ?? /对([^，。]{4,50}?规划)进行了?解读/u.exec(text);
  return m ? m[1]!.trim() : null;
}

const FIVE_YEAR_PERIODS: Array<[number, RegExp]> = [
  [12, /十二五|第十二个五年|2011\s*[-—–~至]\s*2015/u],
  [13, /十三五|第十三个五年|2016\s*[-—–~至]\s*2020/u],
  [14, /十四五|第十四个五年|2021\s*[-—–~至]\s*2025/u],
  [15, /十五五|第十五个五年|2026\s*[-—–~至]\s*2030/u],
];

/** The five-year period a plan's body is of: a plan looks back on the period before its own, so the
 *  latest period it names is its own (a 十四五 plan reviews 十三五 — maybe in its whole first chapter —
 *  and a 十三五 plan 十二五). */
function periodOfBody(body: Line[]): number | null {
  const text = body.map((l) => l.text).join("\n");
  const named = FIVE_YEAR_PERIODS.filter(([, re]) => re.test(text)).map(([n]) => n);
  return named.length > 0 ? Math.max(...named) : null;
}

function otherPeriodBody(body: Line[]): boolean {
  const period = periodOfBody(body);
  return period !== null && period !== 14;
}

/** The years of an untitled plan, from the five-year period its body is of. */
export function bodyPeriod(body: Line[]): { start: number; end: number } | null {
  const period = periodOfBody(body);
  if (period === null) return null;
  const start = 2021 + (period - 14) * 5;
  return { start, end: start + 4 };
}

/** An untitled plan's domain: the first domain its opening paragraph names outside 《…》 (编制实施“十四五”
 *  防震减灾规划，是…; 应急管理是国家治理体系…). */
export function domainOfOpening(body: Line[]): string | null {
  const opening = body.find((l) => /本规划|规划[，,。]/u.test(l.text)) ?? body[0];
  return opening ? domainIdOf(opening.text.replace(/《[^》]*》/gu, "")) : null;
}

export function domainIdOf(name: string | null): string | null {
  return name ? domainOf(name)?.id ?? null : null;
}
