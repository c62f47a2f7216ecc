// commander wiring only: each command lives in src/commands/ and is loaded when it runs, so that
// `plans compare` does not pay for the ingest pipeline (cheerio, OpenCC, nodejieba).
import { Command } from "commander";
import { FORMATS } from "./compare/formats.js";
import type { IngestOptions } from "./commands/ingest.js";
import { UserError } from "./commands/io.js";
import { version } from "./version.js";

export async function main(argv: string[]): Promise<void> {
  // `plans inspect f | head`: a reader that stops early is not an error, as with any Unix filter
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const program = new Command();
  program
    .name("plans")
    .description("Clean, normalize and compare county emergency-management plans (十四五应急管理规划)")
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  program
    .command("ingest")
    .description("decode, clean and segment plan files into the normalized dataset (JSON per county + CSVs)")
    .argument("[paths...]", "files or folders", [])
    .option("-o, --out <dir>", "output folder", "out")
    .option("--check", "rebuild in memory; exit 1 and show what changed if the output folder differs")
    .option("--summary", "print the summary table even when stderr is not a terminal")
    .option("--strict", "exit 1 when any file was skipped (not text, not a plan, unreadable, too large)")
    .option("--max-size <MB>", "skip input files larger than this", (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new UserError(`--max-size wants a positive number of MB, not "${v}"`);
      return n;
    })
    .option("-j, --jobs <n>", "parse workers besides the keyword worker (default: the cores less one); the output is the same for any number", (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--jobs wants a whole number from 1 to 64, not "${v}"`);
      return n;
    })
    .option("--no-cache", "parse every file again instead of reusing unchanged files' results from <out>/.cache")
    .option("--times", "print how the time went, per stage, to stderr")
    .action(async (paths: string[], opts: IngestOptions) => {
      // without a cache everything is parsed: the keyword worker starts before anything else loads,
      // so that its second of dictionary loading overlaps all the rest
      const cold = opts.cache === false || !(await import("./commands/cache.js")).hasCache(opts.out);
      const keywords = cold ? (await import("./segment/keywords-pool.js")).startKeywordWorker() : null;
      try {
        const { ingestCommand } = await import("./commands/ingest.js");
        process.exitCode = await ingestCommand(paths, opts, keywords);
      } finally {
        await keywords?.close();
      }
    });
  program
    .command("compare")
    .alias("diff")
    .description("compare counties side by side: aligned indicators, projects, plan shape, task topics")
    .argument("[counties...]", "slugs (yongjia) or Chinese names (永嘉县, 永嘉)")
    .option("--data <dir>", "the dataset folder (built from seeds/ when missing)", "out")
    .option("-f, --format <format>", `output format: ${FORMATS.join(", ")}`, "table")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--all", "every county in the dataset")
    .option("--against <reference>", "add a reference column: national (the national 十四五 plan's targets)")
    .action(async (counties: string[], opts: { data: string; format: string; output?: string; all?: boolean; against?: string }) => {
      const { compareCommand } = await import("./commands/compare.js");
      process.exitCode = await compareCommand(counties, opts);
    });
  program
    .command("list")
    .description("the counties in the dataset")
    .option("--data <dir>", "the dataset folder (built from seeds/ when missing)", "out")
    .option("--json", "print JSON for scripts")
    .action(async (opts: { data: string; json?: boolean }) => {
      const { listCommand } = await import("./commands/compare.js");
      process.exitCode = await listCommand(opts);
    });
  program
    .command("inspect")
    .description("show what each stage did to one file: encoding, repairs, notes, cleaned text")
    .argument("<file>", "a plan file (text or HTML, any common Chinese encoding)")
    .option("--json", "print a JSON report for scripts")
    .action(async (file: string, opts: { json?: boolean }) => {
      const { inspectCommand } = await import("./commands/inspect.js");
      await inspectCommand(file, opts);
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitWith(e);
  }
}

function exitWith(e: unknown): never {
  if (e instanceof UserError) {
    process.stderr.write(`plans: ${e.message}\n`);
    process.exit(e.exitCode);
  }
  const ce = e as { code?: string; exitCode?: number };
  if (typeof ce.code === "string" && ce.code.startsWith("commander.")) {
    // commander has printed its own message; help and version are not errors
    process.exit(ce.code === "commander.helpDisplayed" || ce.code === "commander.version" ? 0 : 2);
  }
  process.stderr.write(`plans: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(70);
}
