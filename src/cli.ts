// The entry point: registers the commands (each file in src/commands/ defines its own arguments,
// options and help beside its run()) and dispatches; what a command throws becomes one line and
// an exit code (commands/exit.ts). Messages have one style: `plans: …`, `plans: warning: …`.
import { Command } from "commander";
import type { CommonOptions } from "./commands/command.js";
import { register as compare } from "./commands/compare.js";
import { EXIT, exitFor } from "./commands/exit.js";
import { register as ingest } from "./commands/ingest.js";
import { register as inspect } from "./commands/inspect.js";
import { handleInterrupts } from "./commands/interrupt.js";
import { register as list } from "./commands/list.js";
import { setColorMode } from "./term.js";
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
    .showHelpAfterError("see plans --help")
    // commander's "error: …" becomes plans' own "plans: …"
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, "plans: ")) })
    .exitOverride()
    .hook("preAction", (_program, command) => setColorMode((command.opts() as CommonOptions).color ?? "auto"));
  for (const register of [ingest, compare, inspect, list]) register(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitWith(e);
  }
}

function exitWith(e: unknown): never {
  const ce = e as { code?: string; exitCode?: number };
  if (typeof ce.code === "string" && ce.code.startsWith("commander.")) {
    // commander has printed its message or the help; help asked for and the version are no error
    const asked = ["commander.help", "commander.helpDisplayed", "commander.version"].includes(ce.code) && ce.exitCode === 0;
    process.exit(asked ? EXIT.ok : EXIT.usage);
  }
  const { message, code } = exitFor(e);
  process.stderr.write(`plans: ${message}\n`);
  process.exit(code);
}
