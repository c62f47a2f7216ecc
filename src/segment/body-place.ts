// Where a plan with no title is from: the place its body calls its own. A plan speaks of itself as
// 全县 / 我市 / 本区 and names its own place as the subject of its sentences (甘谷县位于…, 宁国市委市政府);
// the documents it cites (《…》) name other places, and never count — except the five-year programme
// of its own place, which every plan is made under.
import { divisionsNamed, isDivisionName } from "../catalog/divisions.js";
import { SELF_REFERENCE } from "../catalog/place-words.js";
import type { Line } from "../model.js";
import { isHanCode } from "../text/chars.js";
import { MAX_PLACE_NAME } from "./identify.js";

/** Lines of the body looked through for the place a plan calls its own. */
const BODY_PLACE_LINES = 300;
/** A division the body names counts from this length; a county of two characters (歙县, 萧县) only
 *  where no other character runs into it (提高县级 is not 高县, 城区 and 郊区 are plain words too). */
const BODY_PLACE_MIN = 3;
const SHORT_COUNTY = /^[^县区市旗州盟省]县$/u;
/** An autonomous prefecture's short name (西双版纳州) is at most this long. */
const SHORT_PREFECTURE_MAX = 5;
/** A body that never calls itself 全县 / 我市 … counts a division it names at least this often. */
const BODY_PLACE_REPEATS = 2;
const UNIT_SUFFIXES = new Set([..."县区市旗州盟省"]);

/** The divisions a text names outside 《…》 (the documents it cites), each with how often and the
 *  first line: at each unit suffix, the longest division name that ends there. */
function divisionsMentioned(lines: Line[]): Map<string, { count: number; line: number }> {
  const found = new Map<string, { count: number; line: number }>();
  for (const l of lines) {
    const chars = [...l.text.replace(/《[^》]*》/gu, (m) => " ".repeat(m.length))];
    for (let k = 1; k < chars.length; k++) {
      if (!UNIT_SUFFIXES.has(chars[k]!)) continue;
      for (let n = Math.min(MAX_PLACE_NAME, k + 1); n >= 2; n--) {
        let name = chars.slice(k + 1 - n, k + 1).join("");
        // an autonomous prefecture by its short name (楚雄州, 黔东南州), not the 州 of a city (广州市)
        const shortPrefecture = !isDivisionName(name) && chars[k] === "州" && n >= BODY_PLACE_MIN && n <= SHORT_PREFECTURE_MAX && !/[市区县]/u.test(chars[k + 1] ?? "") ? divisionsNamed(name).filter((d) => d.name.endsWith("自治州")) : [];
        if (shortPrefecture.length === 1) name = shortPrefecture[0]!.name;
        else if (!isDivisionName(name)) continue;
        if (n < BODY_PLACE_MIN && !(SHORT_COUNTY.test(name) && (k < 2 || !isHanCode(chars[k - 2]!.codePointAt(0)!)))) continue;
        const seen = found.get(name);
        if (seen) seen.count++;
        else found.set(name, { count: 1, line: l.line });
        break;
      }
    }
  }
  return found;
}

/** A plan is made under its own place's five-year programme: the 《X国民经济和社会发展第十四个五年规划…》
 *  it cites is X's, whatever else it cites. */
const OWN_PROGRAMME = /《([^》]{2,40}?)国民经济和社会发展第十四个五年规划/gu;

export interface BodyPlace {
  county: string;
  line: number;
  /** how the body tells it: "named N times" or "its own five-year programme" */
  how: string;
}

/** The place a plan with no title calls its own in its body. It speaks of itself as 全县 / 我市 / 本区,
 *  and of the divisions of that kind it names outside citations (甘谷县位于…, 宁国市委市政府) the one it
 *  names most is its own; where it names none of that kind, the place of that kind whose five-year
 *  programme it cites. A body that never speaks of itself so counts only a division it names at least
 *  twice, more than any other. Null when nothing tells, or two places tie. */
export function countyOfBody(lines: Line[]): BodyPlace | null {
  const head = lines.slice(0, BODY_PLACE_LINES);
  const text = head.map((l) => l.text).join("\n");
  const selfCounts = Object.entries(SELF_REFERENCE).map(([kind, words]) => ({ kind, n: words.reduce((sum, w) => sum + (text.split(w).length - 1), 0) }));
  selfCounts.sort((a, b) => b.n - a.n);
  const self = selfCounts[0]!.n > 0 && selfCounts[0]!.n > selfCounts[1]!.n ? selfCounts[0]!.kind : null;
  const ranked = [...divisionsMentioned(head).entries()].filter(([name]) => !self || name.endsWith(self)).sort((a, b) => b[1].count - a[1].count);
  const [top, second] = ranked;
  if (top && !(second && second[1].count === top[1].count) && (self || top[1].count >= BODY_PLACE_REPEATS)) {
    return { county: top[0], line: top[1].line, how: `named ${top[1].count} times${self ? `, the ${self} it names most; it speaks of itself as ${SELF_REFERENCE[self]![0]}` : ""}` };
  }
  if (!self || top) return null;
  for (const l of head) {
    for (const m of l.text.matchAll(OWN_PROGRAMME)) {
      const place = [...divisionsMentioned([{ ...l, text: m[1]! }]).keys()].find((name) => name.endsWith(self));
      if (place) return { county: place, line: l.line, how: `the five-year programme it cites as its own (${SELF_REFERENCE[self]![0]})` };
    }
  }
  return null;
}
