// Which stored task keywords may stand as topics, as data. Ingest keeps its own stop words out of
// the keywords (segment/keywords.ts); what it lets through and says nothing about a topic is of two
// kinds: words every plan uses for doing anything (加快, 实施), and function words — adverbs,
// pronouns, locatives, conjunctions — that the TF-IDF extractor ranks high because the dictionary
// rarely sees them, plus fragments the segmenter cut across a function word (以有 from 以有效…).
// Function words are a closed class, so a list can hold them; fragments are caught by the
// characters they begin or end with.

/** Verbs and qualifiers of every plan: they say how, not what. */
export const GENERIC_WORDS = "加快 打造 优化 实施 促进 坚持 积极 有效 制度 区域 相关 重点 有关 切实 大力 着力 努力 深入 充分 不断 逐步 持续 全力 重要".split(" ");

/** Closed-class words: adverbs, pronouns and determiners, locatives, conjunctions, time words. */
export const FUNCTION_WORDS = [
  // adverbs of degree, time and manner
  "更加 更为 进一步 仍然 依然 尚未 已经 初步 基本 及时 实时 最多 最大 最高 越来越 不够 有待 亟需 亟待 确保 同时 共同 主要 普遍 明显 显著 广泛 严格 明确 公开",
  // pronouns and determiners
  "各类 各方 各级 各项 各种 其他 其中 其它 有些 一些 这些 那些 所有 全部 自身 本级",
  // locatives
  "之间 之中 之内 之外 之上 之下 以上 以下 以内 以外 以来 以后 以前 当中 内部 外部 方面 领域内",
  // conjunctions and prepositions
  "以及 及其 并且 而且 或者 通过 按照 根据 围绕 针对 对于 关于 由于 为了 以便",
].flatMap((group) => group.split(" "));

/** Characters a content word does not begin with: particles, prepositions, conjunctions, negation. */
export const NON_INITIAL = [..."以向及之的了和与或而且其该此每不"];

/**
 * Characters a phrase of three or more characters does not end with (two-character words such as
 * 普及 and 参与 do).
 */
export const NON_FINAL = [..."及之的了和或而且于其等"];
