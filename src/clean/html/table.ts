// HTML tables as grids: rows and cells of a <table> (not of tables nested in it), and spanning cells
// laid out the way the HTML table algorithm does.
import { isElement, type DomNode } from "./dom.js";

export interface TableCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/**
 * Lays cells out on a grid the way the HTML table algorithm does, repeating a spanning cell's text
 * in every slot it covers, and pads every row to the table's width with "".
 * rowspan 0 means "to the last row"; spans are clamped to the table.
 */
export function expandSpans(rows: readonly (readonly TableCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      const left = rows.length - r;
      const rs = cell.rowspan <= 0 ? left : Math.min(cell.rowspan, left);
      const cs = Math.max(1, Math.min(cell.colspan, 1000));
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = cell.text;
      c += cs;
    }
    width = Math.max(width, grid[r].length);
  });
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
}

export function spanAttr(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = parseInt(v.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

/** In a flattened nested table a spanned cell would otherwise repeat itself side by side. */
export function dedupeAdjacent(cells: string[]): string[] {
  return cells.filter((c, i) => i === 0 || c !== cells[i - 1]);
}

/** The <tr>s of this table, not of tables nested in it. */
export function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === "tr") rows.push(c);
    else if (c.name === "thead" || c.name === "tbody" || c.name === "tfoot") {
      for (const r of c.children ?? []) if (isElement(r) && r.name === "tr") rows.push(r);
    }
  }
  return rows;
}

export function rowCells(tr: DomNode): DomNode[] {
  return (tr.children ?? []).filter((c) => isElement(c) && (c.name === "td" || c.name === "th"));
}
