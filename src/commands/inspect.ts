// `plans inspect <file>`: what each stage did to one file.
import { basename } from "node:path";
import type { Command } from "commander";
import { paint } from "../term.js";
import { action, conventions, toStdout, type CommonOptions } from "./command.js";
import { EXIT, UserError, type ExitCode } from "./exit.js";
import { readInput, writeFileAtomically } from "./files.js";

export interface InspectOptions extends CommonOptions {
  json?: boolean;
  output?: string;
}

export const register = (program: Command): void => {
  const command = program
    .command("inspect")
    .description("show what each stage did to one file: encoding, repairs, notes, cleaned text")
    .argument("<file>", "a plan file (text in any common Chinese encoding, HTML, PDF, DOCX or DOC); - reads stdin")
    .option("--json", "print a JSON report for scripts")
    .option("-o, --output <file>", "write the report to a file (- for stdout, the default)")
    .action(action(run));
  conventions(command, [
    ["plans inspect seeds/004_6f7d79f1b7bb937e.txt", "encoding, repairs, notes and the cleaned text"],
    ["plans inspect plan.html --json | jq .repairs", "the same as JSON, for scripts"],
    ["curl -s URL | plans inspect -", "a page read from stdin"],
  ]);
};

export async function run(file: string, options: InspectOptions): Promise<ExitCode> {
  const bytes = await readInput(file);
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
  const document = documentFacts(segment(cleaned.lines, cleaned.meta, source));
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
    return write(JSON.stringify(report, null, 2) + "\n", options);
  }
  const chalk = paint(toStdout(options.output) ? process.stdout : {});
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
  return write(out.join("\n") + "\n" + text + "\n", options);
}

function write(text: string, options: InspectOptions): ExitCode {
  if (toStdout(options.output)) process.stdout.write(text);
  else writeFileAtomically(options.output!, text);
  return EXIT.ok;
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
