// Joining the lines of one paragraph or table cell that a page or a cell wrapped: Chinese runs
// straight on, two Latin words get a space between them.

const WORD_END = /[A-Za-z0-9]$/;
const WORD_START = /^[A-Za-z]/;

export function joinWrapped(left: string, right: string): string {
  if (left === "") return right;
  if (right === "") return left;
  return WORD_END.test(left) && WORD_START.test(right) ? `${left} ${right}` : left + right;
}
