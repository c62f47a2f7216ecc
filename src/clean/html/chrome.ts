// Site furniture among a page's elements: by tag (nav, header, footer, forms) and by the words of an
// element's id or class; the vocabulary is boilerplate-vocabulary.ts.
import { CONTENT_CLASS_WORDS, FURNITURE_CLASS_WORDS, FURNITURE_ELEMENTS, PAGE_ELEMENTS } from "../boilerplate-vocabulary.js";

export const CHROME_TAGS = new Set<string>(FURNITURE_ELEMENTS);
/** Not rendered; their text is reported rather than silently lost. */
export const META_TAGS = new Set(["title"]);
const CHROME_WORDS = new Set<string>(Object.values(FURNITURE_CLASS_WORDS).flat());
const CONTENT_WORDS = new Set<string>(CONTENT_CLASS_WORDS);
export const PROTECTED = new Set<string>(PAGE_ELEMENTS);

/** Words of an id/class value: split on punctuation and camelCase, plus adjacent pairs joined ("top-bar" → topbar). */
export function classWords(value: string): string[] {
  const parts = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = [...parts];
  for (let i = 0; i + 1 < parts.length; i++) words.push(parts[i] + parts[i + 1]);
  return words;
}

/** Does an element's id/class mark it as site chrome (navigation, footer, share bar …)? */
export function isChromeName(id: string, cls: string): boolean {
  const words = [...classWords(id), ...classWords(cls)];
  const hits = words.filter((w) => CHROME_WORDS.has(w));
  if (hits.length === 0) return false;
  if (hits.every((w) => w === "header" || w === "footer") && words.some((w) => CONTENT_WORDS.has(w))) return false;
  return true;
}
