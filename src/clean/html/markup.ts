// Markup inside text: which "<…>" are tags (only names a browser treats as elements) and what
// character references decode to.
import { createRequire } from "node:module";
import type * as Entities from "entities";

// Only names a browser would treat as markup count as tags, so that inequalities written with
// ASCII letters ("x<y") are not mistaken for markup unless they also look exactly like a tag.
const HTML_NAMES = new Set(
  (
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink " +
    "blockquote body br button canvas caption center cite code col colgroup data datalist dd del " +
    "details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame " +
    "frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd " +
    "keygen label layer legend li link listing main map mark marquee math menu menuitem meta meter " +
    "multicol nav nobr noembed noframes nolayer noscript object ol optgroup option output p param " +
    "picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small " +
    "source spacer span strike strong style sub summary sup svg table tbody td template textarea tfoot " +
    "th thead time title tr track tt u ul var video wbr xmp"
  ).split(" "),
);

// Elements whose boundaries separate words even in a one-line context.
export const BREAKING = new Set(
  (
    "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre " +
    "section summary table tbody td tfoot th thead title tr ul"
  ).split(" "),
);

const ATTR = String.raw`\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
const NAME = String.raw`[A-Za-z][A-Za-z0-9]*(?:[:-][A-Za-z0-9]+)*`;
/** A well-formed tag: start tag, end tag, comment, CDATA or declaration. Group 1/2 hold the name. */
const TAG_SOURCE =
  String.raw`<(?:(${NAME})(?:${ATTR})*\s*\/?|\/(${NAME})\s*|!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|![A-Za-z][^<>]*)>`;

/** Quick screen: could this text contain a tag or an entity at all? */
export const MARKUP_HINT = /<[A-Za-z/!]|&(?:#|[A-Za-z][A-Za-z0-9]*;)/;

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function isTagName(name: string): boolean {
  // Namespaced (Word's <o:p>, <st1:chsdate>) and custom (x-foo) elements are markup too.
  return HTML_NAMES.has(name.toLowerCase()) || name.includes(":") || name.includes("-");
}

export interface TagMatch {
  index: number;
  /** the whole tag as written */
  raw: string;
  /** lower-case element name; "" for comments, CDATA and declarations */
  name: string;
  closing: boolean;
}

/** The well-formed tags in one line of text, left to right. `<12小时`, `＜0.01`, `a<b` are not tags. */
export function findTags(text: string): TagMatch[] {
  const out: TagMatch[] = [];
  if (!text.includes("<")) return out;
  const re = new RegExp(TAG_SOURCE, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? m[2];
    if (name !== undefined && !isTagName(name)) {
      // Not markup; let the scan resume just past this "<" so a real tag inside is still found.
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ index: m.index, raw: m[0], name: name ? name.toLowerCase() : "", closing: m[2] !== undefined });
  }
  return out;
}

/** Characters a reference may name that are only a space in plan text: NBSP (which would defeat
 *  later whitespace handling), en, em and thin spaces. */
const SPACES = new Set(["\u00a0", "\u2002", "\u2003", "\u2009"]);

let decodeHTMLStrict: typeof Entities.decodeHTMLStrict | null = null;

/** Decodes character references (`&nbsp;` `&lt;` `&#x4e00;` `&#20108;`) as HTML does (the `entities`
 *  package, loaded at the first reference: most plain text has none), each written whole with its
 *  semicolon; unknown names stay as written. */
export function decodeEntities(text: string): { text: string; count: number } {
  if (!text.includes("&")) return { text, count: 0 };
  let count = 0;
  const out = text.replace(ENTITY, (m) => {
    decodeHTMLStrict ??= (createRequire(import.meta.url)("entities") as typeof Entities).decodeHTMLStrict;
    const r = decodeHTMLStrict(m);
    if (r === m) return m;
    count++;
    return SPACES.has(r) ? " " : r;
  });
  return { text: out, count };
}
