import { configDefaults, defineConfig } from "vitest/config";

/** What both tiers of the suite share (see vitest.all.config.ts). */
export const shared = {
  include: ["test/**/*.test.ts"],
  globalSetup: ["test/setup/datasets.ts"],
  testTimeout: 30_000,
  // the test files share their workers' loaded modules (OpenCC's tables, the mojibake model, …)
  // instead of loading them again per file, and the warm workers of the CLI runs made in process
  // (test/helpers.ts); what the code under test keeps between calls is caches
  isolate: false,
  // two test files at a time even on two cores (vitest's default is one fewer than the cores): a
  // file waiting on the browser or on a process it spawned leaves a core the other file's work
  // then takes
  maxWorkers: 2,
  // the test processes run whole commands and pipelines in process, allocating much short-lived
  // data: a larger young generation collects it in fewer scavenges (measured: 8% less CPU for
  // the suite)
  poolOptions: { forks: { execArgv: ["--max-semi-space-size=64"] } },
};

// `npx vitest run`: every test that runs in the tests' own processes, for the edit-and-run loop.
// test/system (the executable as a process: signals, terminals, pipes, its environment; the report
// in chromium) takes as long again; `npm test` and CI run both (vitest.all.config.ts).
export default defineConfig({
  test: { ...shared, exclude: [...configDefaults.exclude, "test/system/**"] },
});
