// The domains of the plans `plans` reads, as data: a plan's domain is the one whose words its title
// names first (leftmost; the longer word on a tie), so 应急体系建设（含安全生产）规划 is an
// emergency-management plan and 综合防灾减灾救灾规划 a disaster-reduction one.

export interface Domain {
  id: string;
  label: string;
  words: string[];
}

export const DOMAINS: Domain[] = [
  { id: "emergency-management", label: "应急管理", words: ["应急管理", "应急体系", "应急救援", "应急能力", "应急"] },
  { id: "disaster-reduction", label: "综合防灾减灾", words: ["综合防灾减灾", "防灾减灾", "减灾救灾", "自然灾害防治", "综合减灾"] },
  { id: "work-safety", label: "安全生产", words: ["安全生产"] },
  { id: "earthquake", label: "防震减灾", words: ["防震减灾", "地震"] },
  { id: "fire", label: "消防", words: ["消防"] },
  { id: "flood-drought", label: "防汛抗旱", words: ["防汛抗旱", "水旱灾害", "防汛", "抗旱", "防洪"] },
  { id: "geohazard", label: "地质灾害防治", words: ["地质灾害"] },
  { id: "forest-fire", label: "森林防灭火", words: ["森林草原防灭火", "森林防灭火", "森林防火"] },
];

/** The emergency-management plan is the one `plans compare` picks when a county has several. */
export const DEFAULT_DOMAIN = "emergency-management";

export function domainOf(title: string): Domain | null {
  let best: { d: Domain; at: number; len: number } | null = null;
  for (const d of DOMAINS) {
    for (const w of d.words) {
      const at = title.indexOf(w);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && w.length > best.len)) best = { d, at, len: w.length };
    }
  }
  return best?.d ?? null;
}
