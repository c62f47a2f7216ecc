#!/usr/bin/env node
// The executable: loads the built CLI (npm ci builds it through the `prepare` script).
import { runProcess } from "../dist/cli.js";

await runProcess(process.argv);
