// `plans compare <county> <county> [...]` (alias diff): read the dataset, resolve the counties asked
// for, compare them and render the result to stdout or a file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { Chalk } from "chalk";
import { distance } from "fastest-levenshtein";
import { DEFAULT_DOMAIN } from "../catalog/domains.js";
import { FORMATS, type Format } from "../compare/formats.js";
import type { Reference } from "../compare/index.js";
import type { Comparison } from "../compare/model.js";
import type { PageInfo } from "../compare/render/html-page.js";
import { colorOn, terminalWidth } from "../term.js";
import { version } from "../version.js";
import { conventions, toStdout, type CommonOptions, type Register } from "./command.js";
import { loadDocument, openDataset, type DatasetEntry } from "./dataset.js";
import { EXIT, UserError, type ExitCode } from "./exit.js";
import { writeFileAtomically } from "./files.js";
import type { Io } from "./io.js";

export interface CompareOptions extends CommonOptions {
  data: string;
  /** every plan of a province (浙江, 浙江省) besides the counties named */
  province?: string;
  format?: string;
  output?: string;
  all?: boolean;
  against?: string;
}

export const register: Register = (program, bind) => {
  const command = program
    .command("compare")
    .alias("diff")
    .description("compare counties side by side: aligned indicators, projects, plan shape, task topics")
    .argument("[counties...]", "slugs (yongjia), division codes (330324) or Chinese names (永嘉县, 永嘉)")
    .option("--data <dir>", "the dataset folder (built from seeds/ when missing)", "out")
    .option("-f, --format <format>", `output format: ${FORMATS.join(", ")} (default: from the output file's extension, else table)`)
    .option("-o, --output <file>", "write the report to a file (- for stdout, the default)")
    .option("--all", "every county in the dataset")
    .option("--province <name>", "every plan of a province (浙江 or 浙江省), besides the counties named")
    .option("--against <reference>", "add a reference column: national (the national 十四五 plan's targets)")
    .action(bind(run));
  conventions(command, [
    ["plans compare yongjia linan", "two counties side by side in the terminal"],
    ["plans compare lezhi 晋江 --against national", "with the national plan's targets as a column"],
    ["plans compare --all -f html -o report.html", "every county, as a self-contained web page"],
  ]);
};

/** Up to this many counties, an unknown county's message lists them all. */
const LISTED = 30;

/** A county as the user wrote it: its slug, its division code (330324), its name (永嘉县), or its name
 *  without 县/区/市 (永嘉). A county with several plans gives its emergency-management plan, unless a
 *  slug names another (shidian-earthquake). */
export function resolveCounty(asked: string, entries: DatasetEntry[], dir: string): DatasetEntry {
  const q = asked.trim().toLowerCase();
  const bySlug = entries.find((e) => e.slug === q);
  if (bySlug) return bySlug;
  const named = entries.filter((e) => e.divisionCode === q || e.county === asked.trim() || e.county.replace(/[县区市]$/u, "") === asked.trim());
  const found = named.find((e) => (e.domain ?? DEFAULT_DOMAIN) === DEFAULT_DOMAIN) ?? named[0];
  if (found) return found;
  const scored = entries
    .map((e) => ({ e, d: Math.min(distance(q, e.slug), distance(asked.trim(), e.county), distance(asked.trim(), e.county.replace(/[县区市]$/u, ""))) }))
    .sort((a, b) => a.d - b.d || (a.e.slug < b.e.slug ? -1 : 1));
  const near = scored[0] && scored[0].d <= Math.max(2, Math.floor(q.length / 2)) ? ` — did you mean ${scored[0].e.slug}?` : "";
  // a short dataset is listed; a large one would bury the suggestion under thousands of names
  const list = entries.length <= LISTED ? entries.map((e) => `${e.slug} (${e.county})`).join(", ") || "none" : `${entries.length} counties; \`plans list --data ${dir}\` shows them`;
  throw new UserError(`unknown county "${asked}"${near}\ncounties in ${dir}/: ${list}`, EXIT.drift);
}

export async function render(c: Comparison, format: Format, options: { width: number; color: boolean; page: PageInfo }): Promise<string> {
  switch (format) {
    case "json":
      return JSON.stringify(c, null, 2) + "\n";
    case "csv":
      return (await import("../compare/render/csv.js")).renderCsv(c);
    case "md":
      return (await import("../compare/render/markdown.js")).renderMarkdown(c);
    case "html":
      // the chart library is loaded only for the page that draws charts
      return (await import("../compare/render/html.js")).renderHtml(c, options.page);
    case "table":
      return (await import("../compare/render/table.js")).renderTable(c, { width: options.width, chalk: new Chalk({ level: options.color ? 1 : 0 }) });
  }
}

/** The command as typed, for the HTML report's footer: `plans` and its arguments, quoted where a shell would need it. */
export function commandLine(args: readonly string[]): string {
  // a word a shell reads as itself stays bare; others go in single quotes, a quote inside as '\''
  const quote = (a: string) => (/^[\w@%+=:,./\u3400-\u9fff-]+$/u.test(a) ? a : "'" + a.split("'").join("'\\''") + "'");
  return ["plans", ...args.map(quote)].join(" ");
}

/** The file extensions that name a format (`-o report.html`). */
const EXTENSIONS: Record<string, Format> = { html: "html", htm: "html", json: "json", csv: "csv", md: "md", markdown: "md", txt: "table" };

/** --format (any case) if given, else the output file's extension, else a table. */
export function formatOf(options: Pick<CompareOptions, "format" | "output">): Format {
  if (options.format !== undefined) {
    const f = options.format.toLowerCase() as Format;
    if (!FORMATS.includes(f)) throw new UserError(`--format must be one of ${FORMATS.join(", ")} (got "${options.format}")`);
    return f;
  }
  const ext = toStdout(options.output) ? undefined : extname(options.output!).slice(1).toLowerCase();
  return (ext && EXTENSIONS[ext]) || "table";
}

export async function run(io: Io, counties: string[], options: CompareOptions): Promise<ExitCode> {
  const format = formatOf(options);
  if (options.against !== undefined && options.against !== "national") throw new UserError(`--against knows only "national" (got "${options.against}")`);
  if (!options.all && !options.province && counties.length < 2) throw new UserError("compare needs two or more counties (or --all, or --province)");
  const entries = await openDataset(io, options.data, (s) => options.quiet || io.stderr.write(s + "\n"));
  const province = options.province?.trim().replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, "");
  const inProvince = province ? entries.filter((e) => e.province?.startsWith(province)) : [];
  if (province && inProvince.length === 0) throw new UserError(`no plan of a province "${options.province}" in ${options.data}/`, EXIT.drift);
  const named = counties.map((c) => resolveCounty(c, entries, options.data));
  const chosen = options.all ? entries : [...named, ...inProvince.filter((e) => !named.includes(e))];
  const seen = new Set<string>();
  for (const e of chosen) {
    if (seen.has(e.slug)) throw new UserError(`${e.slug} is asked for twice`);
    seen.add(e.slug);
  }
  if (chosen.length < 2) throw new UserError(`the dataset in ${options.data}/ has ${chosen.length} county; compare needs two`);
  const docs = chosen.map((e) => loadDocument(options.data, e));
  const { compare } = await import("../compare/index.js");
  const comparison = compare(docs, { against: options.against as Reference | undefined });
  const stdout = toStdout(options.output);
  const text = await render(comparison, format, {
    width: terminalWidth(io.env, [io.stdout, io.stderr]),
    color: stdout && colorOn(io.stdout, io.env, options.color),
    page: { version, manifest: createHash("sha256").update(readFileSync(join(options.data, "manifest.json"))).digest("hex"), command: commandLine(io.args) },
  });
  // a file keeps the BOM Excel needs to read UTF-8; a pipe gets plain UTF-8
  if (stdout) io.stdout.write(format === "csv" ? text.replace(/^\ufeff/, "") : text);
  else writeFileAtomically(options.output!, text);
  return EXIT.ok;
}
