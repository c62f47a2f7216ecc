// The tool's version, read once from package.json so that manifests and --version agree with it.
import { createRequire } from "node:module";

const pkg = createRequire(import.meta.url)("../package.json") as { version: string };
export const version: string = pkg.version;
