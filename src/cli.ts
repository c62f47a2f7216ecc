// The entry point: registers the commands (each file in src/commands/ defines its own arguments,
// options and help beside its run()) and dispatches; what a command throws becomes one line and
// an exit code (commands/exit.ts).
import { Command } from "commander";
import { register as compare } from "./commands/compare.js";
import { EXIT, exitFor } from "./commands/exit.js";
import { register as ingest } from "./commands/ingest.js";
import { register as inspect } from "./commands/inspect.js";
import { handleInterrupts } from "./commands/interrupt.js";
import { register as list } from "./commands/list.js";
import { version } from "./version.js";

export async function main(argv: string[]): Promise<void> {
  handleInterrupts();
  // `plans inspect f | head`: a reader that stops early is not an error, as with any Unix filter
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(EXIT.ok);
    throw e;
  });
  const program = new Command();
  program
    .name("plans")
    .description("Clean, normalize and compare county emergency-management plans (十四五应急管理规划)")
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  for (const register of [ingest, compare, inspect, list]) register(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitWith(e);
  }
}

function exitWith(e: unknown): never {
  const ce = e as { code?: string };
  if (typeof ce.code === "string" && ce.code.startsWith("commander.")) {
    // commander has printed its own message; help and version are not errors
    process.exit(ce.code === "commander.helpDisplayed" || ce.code === "commander.version" ? EXIT.ok : EXIT.usage);
  }
  const { message, code } = exitFor(e);
  process.stderr.write(`plans: ${message}\n`);
  process.exit(code);
}
