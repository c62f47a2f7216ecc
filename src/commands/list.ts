// `plans list`: the counties in the dataset; a table on a terminal, tab-separated lines in a pipe.
import { table, tsv } from "../term.js";
import { conventions, toStdout, type CommonOptions, type Register } from "./command.js";
import { openDataset } from "./dataset.js";
import { EXIT, type ExitCode } from "./exit.js";
import { writeFileAtomically } from "./files.js";
import type { Io } from "./io.js";

export interface ListOptions extends CommonOptions {
  data: string;
  json?: boolean;
  output?: string;
}

export const register: Register = (program, bind) => {
  const command = program
    .command("list")
    .description("the counties in the dataset")
    .option("--data <dir>", "the dataset folder (built from seeds/ when missing)", "out")
    .option("--json", "print JSON for scripts")
    .option("-o, --output <file>", "write the list to a file (- for stdout, the default)")
    .action(bind(run));
  conventions(command, [
    ["plans list", "slug, county, level, domain, title and sources of each document in out/"],
    ["plans list | cut -f1", "the slugs (tab-separated when piped)"],
    ["plans list --data data --json", "as JSON, from data/"],
  ]);
};

export async function run(io: Io, options: ListOptions): Promise<ExitCode> {
  const entries = await openDataset(io, options.data, (s) => options.quiet || io.stderr.write(s + "\n"));
  const head = ["slug", "county", "level", "domain", "title", "sources"];
  const rows = entries.map((e) => [e.slug, e.county, e.level ?? "", e.domain ?? "", e.title ?? "", e.sources.join(", ")]);
  const stdout = toStdout(options.output);
  const text = options.json
    ? JSON.stringify(entries.map(({ slug, county, level, domain, divisionCode, title, sources }) => ({ slug, county, level, domain, divisionCode, title, sources })), null, 2) + "\n"
    : stdout && io.stdout.isTTY
      ? table(head, rows) + "\n"
      : tsv(head, rows);
  if (stdout) io.stdout.write(text);
  else writeFileAtomically(options.output!, text);
  return EXIT.ok;
}
