// Test helpers: project files by path relative to the repository root.
import { readFileSync, readdirSync } from "node:fs";

export const root = new URL("../", import.meta.url);
export const readBytes = (rel: string): Uint8Array => readFileSync(new URL(rel, root));
export const readText = (rel: string): string => readFileSync(new URL(rel, root), "utf8");
export const seedNames = (): string[] => readdirSync(new URL("seeds/", root)).filter((f) => !f.startsWith(".")).sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readExpected = (slug: string): any => JSON.parse(readText(`fixtures/expected/${slug}.json`));
