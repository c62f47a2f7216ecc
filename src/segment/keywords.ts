// Task keywords by TF-IDF with nodejieba's dictionaries. They are computed at ingest and stored, so
// that compare never loads a dictionary; the native module is loaded on first use only (about a
// second of dictionary loading).
import { createRequire } from "node:module";
import { codePointCount } from "../text/chars.js";

interface Jieba {
  extract(text: string, topN: number): Array<{ word: string; weight: number }>;
}

let jieba: Jieba | null = null;

function load(): Jieba {
  jieba ??= createRequire(import.meta.url)("nodejieba") as Jieba;
  return jieba;
}

/** Loads the dictionaries now (nodejieba reads them on its first call), not on the first task. */
export function preload(): void {
  load().extract("应急管理", 1);
}

/** Words that every plan uses and that say nothing about a task's topic. */
const STOP = new Set(["加强", "推进", "建设", "完善", "提升", "健全", "强化", "开展", "实现", "推动", "工作", "建立", "全面", "进一步", "深化", "落实", "提高", "能力", "体系", "机制", "管理", "应急", "应急管理", "我县", "我区", "我市", "全县", "全区", "全市", "到位", "年底"]);

export function keywords(text: string, n = 8): string[] {
  if (!text.trim()) return [];
  const words = load()
    .extract(text, n + STOP.size)
    .filter((w) => !STOP.has(w.word) && codePointCount(w.word) >= 2 && !/^\d/.test(w.word));
  // equal weights are ordered by the word itself so that output is deterministic
  words.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return words.slice(0, n).map((w) => w.word);
}
