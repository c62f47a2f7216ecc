// The `document` block of `plans inspect`: what a file is and its facts, from its segmented result.
import type { DocumentKind } from "../catalog/document-kinds.js";
import type { Segmented } from "./index.js";

export interface DocumentFacts {
  kind: DocumentKind;
  level: string | null;
  domain: string | null;
  county: string | null;
  divisionCode: string | null;
  province: string | null;
  prefecture: string | null;
  title: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number } | null;
  firstChapter: string | null;
  chapters: number;
  reasons: Array<{ line: number | null; why: string }>;
}

export function documentFacts(seg: Segmented): DocumentFacts {
  const m = seg.meta;
  return {
    kind: m.kind,
    level: m.level,
    domain: m.domain,
    county: m.county,
    divisionCode: m.divisionCode,
    province: m.province,
    prefecture: m.prefecture,
    title: m.title,
    docNumber: m.docNumber,
    issuedDate: m.issuedDate,
    period: m.period,
    firstChapter: seg.chapters[0]?.title ?? null,
    chapters: seg.chapters.length,
    reasons: m.reasons,
  };
}

const KIND_WORDS: Record<DocumentKind, string> = {
  plan: "a plan",
  interpretation: "an interpretation (政策解读) of a plan",
  "contingency-plan": "a contingency plan (应急预案)",
  "action-plan": "an action or implementation plan (行动方案/实施方案)",
  "other-period-plan": "a plan of another five-year period",
  "not-a-plan": "not a plan",
};

/** Why a file does not become a document, in a few words: what it is and the line that said so. */
export function skipReason(facts: DocumentFacts): string | null {
  const because = facts.reasons.find((r) => !r.why.startsWith("county") && !r.why.startsWith("signed"));
  const at = because ? ` (${because.line !== null ? `line ${because.line}: ` : ""}${because.why})` : "";
  if (facts.kind !== "plan") return `${KIND_WORDS[facts.kind]}${facts.kind === "interpretation" && facts.title ? ` of ${facts.title}` : ""}${at}`;
  if (!facts.county) return "a plan, but no county can be told from its title, issuer or body";
  if (facts.chapters === 0) return "a plan, but no chapter headings";
  return null;
}

/** The document block of `plans inspect` in a few lines. */
export function describeDocument(d: DocumentFacts): string[] {
  const place = d.county ? `${d.county}${d.divisionCode ? ` (${d.divisionCode}, ${[d.province, d.prefecture].filter(Boolean).join(" ")})` : " (not in the division list)"}` : "not told";
  const out = [
    `  document  ${KIND_WORDS[d.kind]}${d.level ? `, ${d.level}` : ""}${d.domain ? `, ${d.domain}` : ""}`,
    `  county    ${place}`,
    `  title     ${d.title ?? "not told"}`,
    `  文号      ${d.docNumber ?? "-"}    date ${d.issuedDate ?? "-"}    period ${d.period ? `${d.period.start}-${d.period.end}` : "-"}    chapters ${d.chapters}${d.firstChapter ? ` (一、${d.firstChapter} …)` : ""}`,
  ];
  for (const r of d.reasons) out.push(`  because   ${r.line !== null ? `line ${r.line}: ` : ""}${r.why}`);
  return out;
}
