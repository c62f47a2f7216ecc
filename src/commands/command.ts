// What every command file has in common: it registers itself (arguments, options, help with
// examples) beside its run(), and run() answers with an exit code. cli.ts only dispatches, handing
// each run() the Io it was given.
import { InvalidArgumentError, Option, type Command } from "commander";
import { COLOR_MODES } from "../term.js";
import type { ExitCode } from "./exit.js";
import type { Io } from "./io.js";

/** The options every command takes. */
export interface CommonOptions {
  /** no progress bar, no summary, no notices; warnings and errors still show */
  quiet?: boolean;
  color?: "auto" | "always" | "never";
}

/**
 * The options every command has (--quiet, --color), the hint a usage error ends with, and the
 * examples its help ends with, each a command line and what it does.
 */
export function conventions(command: Command, examples: Array<[string, string]>): Command {
  const width = Math.max(...examples.map(([line]) => line.length));
  return command
    .option("-q, --quiet", "no progress bar, no summary, no notices (warnings and errors still show)")
    .addOption(new Option("--color <when>", "color the output: auto (on a terminal, unless NO_COLOR is set), always, never").choices(COLOR_MODES).default("auto"))
    .showHelpAfterError(`see plans ${command.name()} --help`)
    .addHelpText("after", `\nExamples:\n${examples.map(([line, what]) => `  ${line.padEnd(width)}   ${what}`).join("\n")}\n`);
}

/** Makes a command's run() its action: run() gets the Io of this run of plans before commander's
 *  arguments, and its exit code becomes the run's. */
export type Bind = <A extends unknown[]>(run: (io: Io, ...args: A) => Promise<ExitCode>) => (...args: A) => Promise<void>;

/** How a command file adds its command to the program. */
export type Register = (program: Command, bind: Bind) => void;

/** Where `-o/--output` sends a command's output: a file, or stdout for none or `-`. */
export const toStdout = (output: string | undefined): boolean => output === undefined || output === "-";

/** An option's value that must be a whole number from min to max (a usage error otherwise). */
export function wholeNumber(flag: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${flag} wants a whole number from ${min} to ${max}.`);
    return n;
  };
}
