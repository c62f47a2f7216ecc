// The ruling lines of a page: the straight horizontal and vertical strokes (and hairline-thin filled
// rectangles, which some writers draw instead) that frame tables and boxes, in page coordinates.

/** A horizontal (y1 = y2) or vertical (x1 = x2) segment, x1 ≤ x2 and y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A point of a path: where a move, a straight line or a curve (one of its control points, or its
 *  end) goes; `close` closes the subpath after it. */
export interface PathPoint {
  kind: "move" | "line" | "curve";
  x: number;
  y: number;
  close: boolean;
}

/** A path as a page draws it: its points in its own space, the matrix that places it on the page,
 *  and how it is painted (a path both filled and stroked counts as stroked). */
export interface Path {
  points: readonly PathPoint[];
  matrix: Matrix;
  stroked: boolean;
  filled: boolean;
}

/** A filled rectangle thinner than this (points) is a rule, not an area. */
const HAIRLINE = 2;
/** Shorter segments are glyph parts or tick marks, not rules. */
const MIN_LENGTH = 4;
/** Slant a rule may have (points over its length) and still count as straight. */
const STRAIGHT = 0.5;

/** [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f) */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `inner` and then `outer`. */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  return [
    outer[0] * inner[0] + outer[2] * inner[1],
    outer[1] * inner[0] + outer[3] * inner[1],
    outer[0] * inner[2] + outer[2] * inner[3],
    outer[1] * inner[2] + outer[3] * inner[3],
    outer[0] * inner[4] + outer[2] * inner[5] + outer[4],
    outer[1] * inner[4] + outer[3] * inner[5] + outer[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The rules the paths of a page draw. */
export function rulings(paths: Iterable<Path>): Segment[] {
  const out: Segment[] = [];
  for (const p of paths) if (p.stroked || p.filled) collect(p.points, p.matrix, p.stroked, out);
  return out;
}

/** Adds a path's straight pieces (stroked) or its thin rectangles (filled) to `out`. */
function collect(path: readonly PathPoint[], m: Matrix, stroked: boolean, out: Segment[]): void {
  const points: Array<[number, number]> = [];
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  const flush = () => {
    if (!stroked && points.length >= 4) thinRectangle(points, out);
    points.length = 0;
  };
  for (const pt of path) {
    const p = apply(m, pt.x, pt.y);
    if (pt.kind === "move") {
      flush();
      last = start = p;
      points.push(p);
    } else if (pt.kind === "line") {
      if (stroked && last) segment(last, p, out);
      points.push(p);
      last = p;
    } else {
      // a curve ends any rectangle; its end point is where the path goes on from
      last = p;
      points.length = 0;
    }
    if (pt.close) {
      if (stroked && last && start) segment(last, start, out);
      last = start;
    }
  }
  flush();
}

function segment(a: [number, number], b: [number, number], out: Segment[]): void {
  const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  if (y2 - y1 <= STRAIGHT && x2 - x1 >= MIN_LENGTH) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
  else if (x2 - x1 <= STRAIGHT && y2 - y1 >= MIN_LENGTH) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
}

/** A filled shape no thicker than a hairline is drawn as the rule along its middle: a rectangle, or
 *  the trapezoid a browser draws for a border whose ends are mitred where it meets the next one. */
function thinRectangle(points: Array<[number, number]>, out: Segment[]): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x1 = Math.min(...xs);
  const x2 = Math.max(...xs);
  const y1 = Math.min(...ys);
  const y2 = Math.max(...ys);
  if (y2 - y1 <= HAIRLINE && x2 - x1 >= MIN_LENGTH) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
  else if (x2 - x1 <= HAIRLINE && y2 - y1 >= MIN_LENGTH) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
}
