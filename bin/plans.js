#!/usr/bin/env node
// The executable: loads the built CLI (npm ci builds it through the `prepare` script).
import { main } from "../dist/cli.js";

main(process.argv);
