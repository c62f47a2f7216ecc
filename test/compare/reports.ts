// The comparisons the HTML report's tests render: seed counties side by side, and twelve counties
// beyond the side-by-side limit.
import { compare } from "../../src/compare/index.js";
import type { Comparison } from "../../src/compare/model.js";
import type { PageInfo } from "../../src/compare/render/html-page.js";
import type { PlanDocument } from "../../src/model.js";
// @ts-expect-error: a plain .mjs script without types
import { cloneDocument } from "../bench/compare-all.mjs";
import { dataset } from "../datasets.js";

export const seeds = dataset("seeds");
export const docs = (...slugs: string[]): PlanDocument[] => slugs.map((s) => seeds.documents.find((d) => d.slug === s)!);
export const INFO: PageInfo = { version: "0.0.0-test", manifest: "ab".repeat(32), command: "plans compare yongjia linan --format html" };
/** Beyond the side-by-side limit: twelve counties cloned from the seeds as the bench does. */
export const many = (): Comparison => compare(Array.from({ length: 12 }, (_, i) => cloneDocument(seeds.documents[i % seeds.documents.length], i) as PlanDocument));
