// The ruling lines of a page: the straight horizontal and vertical strokes (and hairline-thin filled
// rectangles, which some writers draw instead) that frame tables and boxes, in page coordinates.

/** A horizontal (y1 = y2) or vertical (x1 = x2) segment, x1 ≤ x2 and y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The pdf.js operator codes this reads (pdf.js's OPS). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** pdf.js's path commands inside a constructPath (its DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled rectangle thinner than this (points) is a rule, not an area. */
const HAIRLINE = 2;
/** Shorter segments are glyph parts or tick marks, not rules. */
const MIN_LENGTH = 4;
/** Slant a rule may have (points over its length) and still count as straight. */
const STRAIGHT = 0.5;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The rules drawn by an operator list (pdf.js's fnArray/argsArray). */
export function rulings(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: Ops): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = (args as [Matrix | null])[0];
      if (m) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const paths = args[1] as ArrayLike<ArrayLike<number> | null> | null;
      if (!paths || !(strokes.has(paint) || fills.has(paint))) continue;
      for (let k = 0; k < paths.length; k++) {
        const path = paths[k];
        if (path) collect(path, ctm, strokes.has(paint), out);
      }
    }
  }
  return out;
}

/** Adds a path's straight pieces (stroked) or its thin rectangles (filled) to `out`. */
function collect(path: ArrayLike<number>, ctm: Matrix, stroked: boolean, out: Segment[]): void {
  const points: Array<[number, number]> = [];
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  const flush = () => {
    if (!stroked && points.length >= 4) thinRectangle(points, out);
    points.length = 0;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i];
    if (op === MOVE) {
      flush();
      last = start = apply(ctm, path[i + 1], path[i + 2]);
      points.push(last);
      i += 3;
    } else if (op === LINE) {
      const p = apply(ctm, path[i + 1], path[i + 2]);
      if (stroked && last) segment(last, p, out);
      points.push(p);
      last = p;
      i += 3;
    } else if (op === CURVE) {
      // a curve ends any rectangle; its end point is where the path goes on from
      last = apply(ctm, path[i + 5], path[i + 6]);
      points.length = 0;
      i += 7;
    } else if (op === QUAD) {
      last = apply(ctm, path[i + 3], path[i + 4]);
      points.length = 0;
      i += 5;
    } else if (op === CLOSE) {
      if (stroked && last && start) segment(last, start, out);
      last = start;
      i += 1;
    } else break; // an unknown command: the rest cannot be read
  }
  flush();
}

function segment(a: [number, number], b: [number, number], out: Segment[]): void {
  const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  if (y2 - y1 <= STRAIGHT && x2 - x1 >= MIN_LENGTH) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
  else if (x2 - x1 <= STRAIGHT && y2 - y1 >= MIN_LENGTH) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
}

/** A filled axis-aligned rectangle that is a hairline is drawn as the rule along its middle. */
function thinRectangle(points: Array<[number, number]>, out: Segment[]): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x1 = Math.min(...xs);
  const x2 = Math.max(...xs);
  const y1 = Math.min(...ys);
  const y2 = Math.max(...ys);
  const axisAligned = points.every((p) => (Math.abs(p[0] - x1) < 0.01 || Math.abs(p[0] - x2) < 0.01) && (Math.abs(p[1] - y1) < 0.01 || Math.abs(p[1] - y2) < 0.01));
  if (!axisAligned) return;
  if (y2 - y1 <= HAIRLINE && x2 - x1 >= MIN_LENGTH) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
  else if (x2 - x1 <= HAIRLINE && y2 - y1 >= MIN_LENGTH) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
}
