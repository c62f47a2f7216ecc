// What every command file has in common: it registers itself (arguments, options, help with
// examples) beside its run(), and run() answers with an exit code. cli.ts only dispatches.
import type { Command } from "commander";
import type { ExitCode } from "./exit.js";

/** Adds a command to the program: its name, arguments, options, help and action. */
export type Register = (program: Command) => void;

/** The action of a command: run()'s exit code becomes the process's. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<ExitCode>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    process.exitCode = await run(...args);
  };
}

/** Ends a command's help with examples, each a command line and what it does. */
export function withExamples(command: Command, examples: Array<[string, string]>): Command {
  const width = Math.max(...examples.map(([line]) => line.length));
  return command.addHelpText("after", `\nExamples:\n${examples.map(([line, what]) => `  ${line.padEnd(width)}   ${what}`).join("\n")}\n`);
}
