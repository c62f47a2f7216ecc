// `plans inspect <file>`: what each stage did to one file.
import { basename } from "node:path";
import chalk from "chalk";
import { cleanedText } from "../clean/index.js";
import { prepare } from "../pipeline.js";
import { EXIT, readInput, UserError } from "./io.js";

export interface InspectOptions {
  json?: boolean;
}

export async function inspectCommand(file: string, options: InspectOptions): Promise<void> {
  const bytes = readInput(file);
  const prepared = await prepare(bytes, basename(file));
  if (!prepared.ok) throw new UserError(`${file}: ${prepared.message.replace(/^[^:]*: /, "")}`, EXIT.usage);
  const { read, cleaned } = prepared;
  const text = cleanedText(cleaned.lines);
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
      text,
    };
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return;
  }
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
  out.push(chalk.bold(`\nnotes (${cleaned.notes.length})`));
  for (const n of cleaned.notes) out.push(`  ${chalk.dim(`${n.line ?? "-"}`.padStart(5))} ${chalk.yellow(n.kind)} ${n.message}`);
  out.push(chalk.bold("\ntext"));
  process.stdout.write(out.join("\n") + "\n" + text + "\n");
}

export function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
