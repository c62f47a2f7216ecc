// Document metadata from the front matter (the covering notice and the plan's own title, everything
// before chapter 一) and from the web record's key–value block. The notice's signature — the issuing
// organ and the date under it — is the plan's issuer and signing date; the web record only fills gaps,
// because its dates are often the page's, not the document's.
import { pinyin } from "pinyin-pro";
import type { Line } from "../model.js";
import { codePointCount, HAN } from "../text/chars.js";

export interface Metadata {
  county: string | null;
  slug: string | null;
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number } | null;
}

const PLAN_WORD = /(规划|计划|方案)$/u;
const ORGAN = /(人民政府|办公室|委员会|管理局|应急管理局|政府)$/u;
const DOC_NUMBER = new RegExp(`([${HAN}]{1,10})\\s*[〔［[(（]\\s*(\\d{4})\\s*[〕］\\])）]\\s*(\\d{1,4})\\s*号`, "u");
const TWO_HAN = new RegExp(`[${HAN}]{2}`, "u");

/** The plan's own title: a short line ending in 规划/计划/方案 that is not the notice's title (关于印发…
 *  的通知); a title wrapped over two lines is joined. Falls back to the 《…》 the notice quotes. */
export function findTitle(front: Line[], meta: Record<string, string>): string | null {
  for (let i = 0; i < front.length; i++) {
    const t = front[i].text.trim();
    if (/关于|通知|印发/u.test(t) || codePointCount(t) > 40) continue;
    if (PLAN_WORD.test(t) && TWO_HAN.test(t)) {
      const prev = front[i - 1]?.text.trim() ?? "";
      // "晋江市“十四五”应急体系建设" + "专项规划": the first half has no plan word and no sentence end
      if (codePointCount(t) <= 8 && prev && !PLAN_WORD.test(prev) && !/[。，：]|关于|通知/u.test(prev) && codePointCount(prev) <= 30) return prev + t;
      return t;
    }
  }
  const quoted = front.map((l) => /《([^》]{4,40}(?:规划|计划|方案))》/u.exec(l.text)?.[1]).find(Boolean);
  if (quoted) return quoted;
  const recordTitle = meta["标题"] ?? meta["名称"];
  const m = recordTitle ? /印发(.+?(?:规划|计划|方案))的?通知/u.exec(recordTitle) : null;
  return m ? m[1].replace(/^《|》$/gu, "") : null;
}

const ADMIN_UNIT = new RegExp(`[${HAN}]+?(?:自治县|自治州|特别行政区|自治区|省|市|盟|地区|县|区|旗)`, "gu");

/** The county in a title: the last administrative unit before the plan's subject (杭州市临安区应急… →
 *  临安区). */
export function countyOf(title: string): string | null {
  const subjectAt = title.search(/“|"|十四五|十三五|应急|安全生产|防灾|减灾|综合防|消防|\d{4}/u);
  const prefix = subjectAt > 0 ? title.slice(0, subjectAt) : title;
  const units = prefix.match(ADMIN_UNIT);
  return units ? units[units.length - 1] : null;
}

/** pinyin of the county name without its suffix: 永嘉县 → yongjia, 临安区 → linan. */
export function slugOf(county: string): string {
  const base = county.replace(/(自治县|自治州|自治区|县|区|市|旗|州|盟)$/u, "") || county;
  const slug = pinyin(base, { toneType: "none", type: "array", v: true })
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
  const t = text.trim();
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/u.exec(t);
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

export function extractMetadata(front: Line[], meta: Record<string, string>, fullText: string): Metadata {
  const title = findTitle(front, meta);
  const county = title ? countyOf(title) : null;
  let issuer: string | null = null;
  let issuedDate: string | null = null;
  // the signature: an organ's name on its own line, directly followed by a date line
  for (let i = 0; i + 1 < front.length; i++) {
    const organ = front[i].text.trim();
    const date = parseDate(front[i + 1].text);
    if (date && ORGAN.test(organ) && codePointCount(organ) <= 30 && !/印发/u.test(front[i + 1].text)) {
      issuer = organ;
      issuedDate = date;
      break;
    }
  }
  issuedDate ??= firstDate(meta, ["成文日期", "公文生成日期", "生成日期", "发文日期", "发布日期"]);
  issuer ??= meta["发布机构"] ?? meta["发文机关"] ?? meta["发布单位"] ?? null;
  const docText = front.map((l) => l.text).join("\n");
  const dn = DOC_NUMBER.exec(docText) ?? DOC_NUMBER.exec(meta["文号"] ?? meta["发文字号"] ?? "");
  const docNumber = dn ? `${dn[1]}〔${dn[2]}〕${dn[3]}号` : null;
  return { county, slug: county ? slugOf(county) : null, title, issuer, docNumber, issuedDate, period: periodOf(title ?? "", fullText) };
}

function firstDate(meta: Record<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const d = meta[k] ? parseDate(meta[k].split(/\s+/)[0]) : null;
    if (d) return d;
  }
  return null;
}

const FIVE_YEAR_PLANS: Record<string, number> = { 十三五: 2016, 十四五: 2021, 十五五: 2026 };

/** The plan period: an explicit 2021-2025年 range, else the five-year plan the title names. */
export function periodOf(title: string, text: string): { start: number; end: number } | null {
  const explicit = /(?:规划期|期限|时期)[^。]{0,12}?(20\d{2})\s*[-—–~至到]\s*(20\d{2})\s*年/u.exec(text) ?? /（(20\d{2})\s*[-—–]\s*(20\d{2})\s*年）/u.exec(text);
  if (explicit && Number(explicit[2]) - Number(explicit[1]) === 4) return { start: Number(explicit[1]), end: Number(explicit[2]) };
  for (const [name, start] of Object.entries(FIVE_YEAR_PLANS)) if (title.includes(name)) return { start, end: start + 4 };
  return null;
}
