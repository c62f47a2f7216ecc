import { defineConfig } from "vitest/config";
import { shared } from "./vitest.config.js";

// The whole suite, test/system included: what `npm test` and CI run.
export default defineConfig({ test: shared });
