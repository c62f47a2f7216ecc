// `plans inspect <file>`: what each stage did to one file.
import { basename } from "node:path";
import { paint } from "../term.js";
import type { Prepared } from "../pipeline.js";
import type { Segmented } from "../segment/index.js";
import { conventions, toStdout, wholeNumber, type CommonOptions, type Register } from "./command.js";
import { EXIT, UserError, type ExitCode } from "./exit.js";
import { readInput, writeFileAtomically } from "./files.js";
import type { Io } from "./io.js";

export interface InspectOptions extends CommonOptions {
  json?: boolean;
  output?: string;
  at?: number;
}

/** Clean lines shown either side of the line asked for with --at. */
const AROUND = 3;

export const register: Register = (program, bind) => {
  const command = program
    .command("inspect")
    .description("show what each stage did to one file: encoding, repairs, notes, cleaned text")
    .argument("<file>", "a plan file (text in any common Chinese encoding, HTML, PDF, DOCX or DOC); - reads stdin")
    .option("--json", "print a JSON report for scripts")
    .option("--at <line>", "one line of the file as read: its page, what was extracted from it, the clean text around it", wholeNumber("--at", 1, Number.MAX_SAFE_INTEGER))
    .option("-o, --output <file>", "write the report to a file (- for stdout, the default)")
    .action(bind(run));
  conventions(command, [
    ["plans inspect seeds/004_6f7d79f1b7bb937e.txt", "encoding, repairs, notes and the cleaned text"],
    ["plans inspect plan.html --json | jq .repairs", "the same as JSON, for scripts"],
    ["plans inspect plan.pdf --at 212", "line 212 as read, its page, and the facts read from it"],
  ]);
};

export async function run(io: Io, file: string, options: InspectOptions): Promise<ExitCode> {
  const bytes = await readInput(file, io.stdin);
  // the pipeline (cheerio, OpenCC) loads only here
  const { prepare } = await import("../pipeline.js");
  const { cleanedText } = await import("../clean/index.js");
  const { segment } = await import("../segment/index.js");
  const { documentFacts, describeDocument } = await import("../segment/document.js");
  const source = file === "-" ? "stdin" : basename(file);
  const prepared = await prepare(bytes, source);
  if (!prepared.ok) throw new UserError(`${file}: ${prepared.message.replace(/^[^:]*: /, "")}`, EXIT.usage);
  const { read, cleaned } = prepared;
  const text = cleanedText(cleaned.lines);
  const segmented = segment(cleaned.lines, cleaned.meta, source, { recordLines: cleaned.metaLines, places: prepared.places });
  if (options.at !== undefined) return write(io, await lineReport(io, file, options.at, prepared, segmented, options), options);
  const document = documentFacts(segmented);
  if (options.json) {
    const report = {
      path: file,
      format: read.format,
      encoding: read.encoding,
      confidence: read.confidence,
      read: read.info,
      script: cleaned.script,
      repairs: sortedRecord(cleaned.repairs),
      notes: cleaned.notes,
      meta: cleaned.meta,
      document,
      text,
    };
    return write(io, JSON.stringify(report, null, 2) + "\n", options);
  }
  const chalk = paint(toStdout(options.output) ? io.stdout : {}, io.env, options.color);
  const out: string[] = [];
  out.push(chalk.bold(file));
  out.push(`  format    ${read.format}`);
  out.push(`  encoding  ${read.encoding} (${read.method}, confidence ${read.confidence})`);
  const info = Object.entries(read.info);
  if (info.length) out.push(`  read      ${info.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  out.push(`  script    ${cleaned.script}`);
  out.push(`  lines     ${cleaned.lines.length} clean lines`);
  const repairs = Object.entries(sortedRecord(cleaned.repairs));
  out.push(`  repairs   ${repairs.length ? repairs.map(([k, v]) => `${k} ${v}`).join(", ") : "none"}`);
  for (const [k, v] of Object.entries(cleaned.meta)) out.push(`  meta      ${k}: ${v}`);
  out.push(...describeDocument(document));
  out.push(chalk.bold(`\nnotes (${cleaned.notes.length})`));
  for (const n of cleaned.notes) out.push(`  ${chalk.dim(`${n.line ?? "-"}`.padStart(5))} ${chalk.yellow(n.kind)} ${n.message}`);
  out.push(chalk.bold("\ntext"));
  return write(io, out.join("\n") + "\n" + text + "\n", options);
}

/** `--at LINE`: the line as read, its page, the facts that stand on it (their `at` lists it), the
 *  notes about it, and the clean lines around the ones it became. */
async function lineReport(io: Io, file: string, line: number, prepared: Prepared, seg: Segmented, options: InspectOptions): Promise<string> {
  const { factsOf } = await import("../segment/at.js");
  const { citation } = await import("../model.js");
  const { read, cleaned, places } = prepared;
  const count = read.text.split(/\r\n|\r|\n/).length;
  if (line > count) throw new UserError(`${file}: --at ${line}: the file has ${count} lines as read`, EXIT.usage);
  const lines = cleaned.lines;
  const stands = (k: number) => lines[k]!.line <= line && line <= (lines[k]!.end ?? lines[k]!.line);
  const here = lines.flatMap((_, k) => (stands(k) ? [k] : []));
  // a line clean dropped or left blank: the clean lines either side of where it stood
  const next = here[0] ?? lines.findIndex((l) => l.line > line);
  const first = Math.max(0, (next < 0 ? lines.length : next) - AROUND);
  const last = Math.min(lines.length, (here.at(-1) ?? (next < 0 ? lines.length : next) - 1) + 1 + AROUND);
  const facts = factsOf(seg).filter((f) => f.at.lines.includes(line));
  const notes = cleaned.notes.filter((n) => n.line === line);
  const around = lines.slice(first, last).map((l, k) => ({ line: l.line, end: l.end ?? null, text: l.text, here: stands(first + k) }));
  const page = places.pageOf(line);
  if (options.json) return JSON.stringify({ path: file, line, page, read: places.textOf(line), facts, notes, around }, null, 2) + "\n";
  const chalk = paint(toStdout(options.output) ? io.stdout : {}, io.env, options.color);
  const out = [chalk.bold(`${file} line ${line}${page !== null ? `, page ${page}` : ""}`), `  as read   ${places.textOf(line).trim() || "(blank)"}`];
  for (const [k, f] of facts.entries()) out.push(`  ${k === 0 ? "facts " : "      "}    ${f.label}: ${f.name} (${citation(f.at)})`);
  if (facts.length === 0) out.push("  facts     none");
  for (const n of notes) out.push(`  note      ${chalk.yellow(n.kind)} ${n.message}`);
  out.push(chalk.bold("clean text"));
  const width = Math.max(...around.map((a) => `${a.line}${a.end ? `-${a.end}` : ""}`.length), 1);
  for (const a of around) out.push(`${a.here ? "▶" : " "} ${`${a.line}${a.end ? `-${a.end}` : ""}`.padStart(width)}  ${a.text}`);
  return out.join("\n") + "\n";
}

function write(io: Io, text: string, options: InspectOptions): ExitCode {
  if (toStdout(options.output)) io.stdout.write(text);
  else writeFileAtomically(options.output!, text);
  return EXIT.ok;
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
