// The header of an indicator table → its columns, in printed order. Headers arrive in every shape:
// one TAB row ("序号\t类别\t指标名称…"), one word per line ("2020" / "基数"), letters stacked in a
// narrow column ("序" / "号"), or a two-storey header whose group cell ("2020年目标") is printed
// before its sub-columns ("指标值 降幅"). Joining the header text without spaces and scanning it for
// column words handles all of them.

export type ColumnKind =
  | "no"
  | "category"
  | "name"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "nature"
  | "department"
  /** a 备注 (remarks) column: read past, its text kept by no field */
  | "remark";

export interface Column {
  kind: ColumnKind;
  label: string;
}

/** Column words, most specific first: at each position the first pattern that matches wins. */
const COLUMN_WORDS: Array<[ColumnKind, RegExp]> = [
  ["no", /^序号/],
  ["nature", /^(?:指标性质|指标属性|指标类型|属性|性质)/],
  ["target", /^(?:\d{4}年?)?(?:目标值|预期值|规划值|目标)/],
  ["target", /^(?:指标值|降幅|增幅)/],
  ["actual", /^(?:完成情况|实际完成值?|完成值|实现值)/],
  ["baseline", /^(?:\d{4}年?)?(?:基数|基期值|基准值|现状值|基础值|现状)/],
  ["category", /^(?:分类|类别|类型|领域)/],
  ["name", /^(?:指标名称|指标内容|指标项目?|主要指标|指标)/],
  ["unit", /^(?:计量单位|单位)/],
  ["department", /^(?:责任部门|责任单位|牵头单位|牵头部门|主责部门)/],
];

/** Sub-columns of a two-storey target ("2020年目标" over "指标值 | 降幅"). */
const TARGET_PART = /^(?:指标值|降幅|增幅)$/;

export function parseHeader(text: string): Column[] {
  const s = text.replace(/[\s\u3000]+/g, "");
  const columns: Column[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    let matched = false;
    for (const [kind, re] of COLUMN_WORDS) {
      const m = re.exec(rest);
      if (!m) continue;
      columns.push({ kind, label: m[0] });
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) i += 1;
  }
  // A group cell over target sub-columns is not a column of its own.
  if (columns.some((c) => c.kind === "target" && TARGET_PART.test(c.label))) {
    return columns.filter((c) => c.kind !== "target" || TARGET_PART.test(c.label));
  }
  return columns;
}

/**
 * A two-storey header laid out on a grid (an HTML, Word or PDF table with its merged cells
 * expanded) is two TAB rows of the same width: "2020年目标" over both "指标值" and "降幅", "分类"
 * repeated under itself. Column by column, the lowest storey's text names the column.
 */
export function mergeStoreys(rows: string[]): string[] {
  if (rows.length < 2 || !rows.every((r) => r.includes("\t"))) return rows;
  const grid = rows.map((r) => r.split("\t").map((c) => c.trim()));
  if (!grid.every((r) => r.length === grid[0].length)) return rows;
  return [grid[0].map((_, c) => grid.map((r) => r[c]).filter((t) => t !== "").pop() ?? "").join("\t")];
}

/** A header is an indicator table's when it numbers rows and names indicators. */
export function isIndicatorHeader(columns: Column[]): boolean {
  const kinds = new Set(columns.map((c) => c.kind));
  return kinds.has("no") && kinds.has("name") && (kinds.has("target") || kinds.has("baseline"));
}

/** The plan period a table reports on: 13th-plan completion tables look back at 2016–2020. */
export function periodOf(caption: string, header: string): "13th" | "14th" {
  if (/十三五/.test(caption)) return "13th";
  if (/十四五/.test(caption)) return "14th";
  const years = [...header.matchAll(/(20\d\d)/g)].map((m) => Number(m[1]));
  if (years.length > 0 && Math.max(...years) <= 2020) return "13th";
  return "14th";
}
