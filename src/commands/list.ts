// `plans list`: the counties in the dataset.
import type { Command } from "commander";
import { table } from "../term.js";
import { action, withExamples } from "./command.js";
import { openDataset } from "./dataset.js";
import { EXIT, type ExitCode } from "./exit.js";

export interface ListOptions {
  data: string;
  json?: boolean;
}

export const register = (program: Command): void => {
  const command = program
    .command("list")
    .description("the counties in the dataset")
    .option("--data <dir>", "the dataset folder (built from seeds/ when missing)", "out")
    .option("--json", "print JSON for scripts")
    .action(action(run));
  withExamples(command, [
    ["plans list", "slug, county, title and sources of each document in out/"],
    ["plans list --data data --json", "the same as JSON, from data/"],
  ]);
};

export async function run(options: ListOptions): Promise<ExitCode> {
  const entries = await openDataset(options.data, (s) => process.stderr.write(s + "\n"));
  if (options.json) process.stdout.write(JSON.stringify(entries.map(({ slug, county, title, sources }) => ({ slug, county, title, sources })), null, 2) + "\n");
  else process.stdout.write(table(["slug", "county", "title", "sources"], entries.map((e) => [e.slug, e.county, e.title, e.sources.join(", ")])) + "\n");
  return EXIT.ok;
}
