// The entry point: registers the commands (each file in src/commands/ defines its own arguments,
// options and help beside its run()) and dispatches; what a command throws becomes one line and
// an exit code (commands/exit.ts). Messages have one style: `plans: …`, `plans: warning: …`.
import { Command } from "commander";
import type { Bind } from "./commands/command.js";
import { register as compare } from "./commands/compare.js";
import { EXIT, exitFor, type ExitCode } from "./commands/exit.js";
import { register as ingest } from "./commands/ingest.js";
import { register as inspect } from "./commands/inspect.js";
import { handleInterrupts } from "./commands/interrupt.js";
import { processIo, type Io } from "./commands/io.js";
import { register as list } from "./commands/list.js";
import { version } from "./version.js";

/** One run of plans with `io`'s arguments: the exit code it ends with. What it writes goes to io's
 *  streams; it never exits the process itself. */
export async function main(io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const bind: Bind =
    (run) =>
    async (...args) => {
      code = await run(io, ...args);
    };
  const program = new Command();
  program
    .name("plans")
    .description("Clean, normalize and compare county emergency-management plans (十四五应急管理规划)")
    .version(version)
    .showHelpAfterError("see plans --help")
    // commander's "error: …" becomes plans' own "plans: …"
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, "plans: ")),
    })
    .exitOverride();
  // each command inherits the program's output and exit handling as it is added
  for (const register of [ingest, compare, inspect, list]) register(program, bind);
  try {
    await program.parseAsync(io.args as string[], { from: "user" });
    return code;
  } catch (e) {
    return failed(e, io);
  }
}

function failed(e: unknown, io: Io): ExitCode {
  const ce = e as { code?: string; exitCode?: number };
  if (typeof ce.code === "string" && ce.code.startsWith("commander.")) {
    // commander has printed its message or the help; help asked for and the version are no error
    const asked = ["commander.help", "commander.helpDisplayed", "commander.version"].includes(ce.code) && ce.exitCode === 0;
    return asked ? EXIT.ok : EXIT.usage;
  }
  const { message, code } = exitFor(e);
  io.stderr.write(`plans: ${message}\n`);
  return code;
}

/** plans as the executable runs it: the process's streams, Ctrl-C handled, the exit code the
 *  process's. */
export async function runProcess(argv: string[]): Promise<void> {
  handleInterrupts();
  // `plans inspect f | head`: a reader that stops early is not an error, as with any Unix filter
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(EXIT.ok);
    throw e;
  });
  const code = await main(processIo(argv));
  // a failed run ends now, whatever it left running; a successful one ends when its output is out
  if (code === EXIT.ok) process.exitCode = code;
  else process.exit(code);
}
