import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/datasets.ts"],
    testTimeout: 30_000,
    // the test files share their workers' loaded modules (OpenCC's tables, the mojibake model, …)
    // instead of loading them again per file; what the code under test keeps between calls is caches
    isolate: false,
  },
});
