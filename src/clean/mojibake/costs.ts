// The numbers the mojibake repair is tuned by, one table per concern. Scores are natural-log
// probabilities on the scale of jieba's unigram model, where a common character standing alone
// scores about -6 and a rare one about -12. They were set on 004's garbled headings and on text
// garbled the same way by garble(), and are checked by test/clean/mojibake.test.ts.

/** What a character standing alone costs when the dictionary cannot say (tokenLogProb). */
export const TOKEN = {
  /** a character no dictionary entry holds, or a garble mark: below the rarest real character */
  unknown: -21,
  /** a Han character of the other script: a decoding that yields one is probably wrong */
  foreign: -4,
  /** ideographic space opening a line or following a space (indentation), and elsewhere */
  ideographicSpaceAtStart: -3,
  ideographicSpace: -12,
  /** ASCII space opening a line or following a space, and elsewhere */
  spaceAtStart: -3,
  space: -7,
  /** … or — after itself (they come in pairs), opening a line, and elsewhere */
  dashRepeated: -0.7,
  dashAtStart: -10,
  dash: -6,
  /** added for the rarer marks: brackets other than （ ( “ 《 and clause marks other than ， 。 、 */
  rareMark: -3,
  /** an opening bracket right after another, and elsewhere */
  openAfterOpen: -12,
  open: -4.5,
  /** a closing bracket that closes one, and one with nothing open */
  closeMatched: -3,
  closeUnmatched: -12,
  /** a clause mark where no clause ends (line start, after a mark or bracket, after 和/在/对), and elsewhere */
  clauseMarkMisplaced: -14,
  clauseMark: -3.9,
  /** "?" after Chinese text or at a line's start (what a lost byte leaves), after ASCII punctuation, and elsewhere */
  questionMarkInChinese: -12,
  questionMarkAfterPunctuation: -14,
  questionMark: -5,
  /** ASCII digits and letters */
  asciiAlnum: -6,
  /** , . ; : ! % */
  asciiPunctuation: -5,
  /** any other ASCII */
  ascii: -9,
  /** full-width digits, and full-width letters */
  fullWidthDigit: -7,
  fullWidthLetter: -8,
  /** · ● ％ ℃ ‰: marks plans print */
  planSymbol: -7,
  /** kana, Greek, Cyrillic, box drawing, small forms and the like: what misread byte pairs give */
  other: -17,
} as const;

/** How much text around a run is scored with it. */
export const WINDOW = {
  /** characters before a span segmented along with it, so that a word may reach across its start */
  context: 3,
  /** characters looked back over for open brackets, and kept before a run as the context of its first pick */
  lookBack: 40,
  /** longest garbled run followed: a heading or a sentence, not a page */
  maxRun: 160,
  /** longest dictionary word scored, in characters */
  maxWord: 6,
} as const;

/** When a run is repaired, stripped or left alone (decide). */
export const DECISION = {
  /** log-probability per character of the run a restoration must gain over the garbled text */
  minGain: 2.5,
  /** a restoration must read at least this well, per character, to be taken */
  plausible: -9,
  /** below this per-character log-probability a span does not read as Chinese */
  garbled: -8,
  /** below this margin over the runner-up a guessed Han character is a coin toss between words: it is left out */
  sure: 2,
} as const;
