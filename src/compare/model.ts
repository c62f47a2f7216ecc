// What `plans compare` computes: the contract of its JSON output, which every other format renders.
import type { At, ChapterRole, Indicator, PlanDocument, Value } from "../model.js";

/**
 * Up to this many counties a comparison is side by side: a column per county (the HTML palette has
 * eight colors), every indicator row listing every county, and every pair of counties' closest tasks.
 * Beyond it (`plans compare --all` on a large dataset) pairs would grow with the square of the
 * counties, so topics give coverage instead, indicator rows list only the counties that have the
 * indicator, and the text formats show one row per county and aggregates.
 */
export const SIDE_BY_SIDE_MAX = 8;

/** Whether a comparison of this many counties is shown side by side (see SIDE_BY_SIDE_MAX). */
export function sideBySide(counties: number): boolean {
  return counties <= SIDE_BY_SIDE_MAX;
}

/** A county's document in brief: its metadata as the dataset has it, its sources' paths, its size. */
export interface CountyOverview extends Pick<PlanDocument, "slug" | "county" | "level" | "domain" | "divisionCode" | "title" | "issuer" | "docNumber" | "issuedDate"> {
  sources: string[];
  /** characters of body text */
  chars: number;
  chapters: number;
  sections: number;
  tasks: number;
  indicators: number;
  projects: number;
}

/** An indicator as a comparison shows it: a county's as its dataset has it, with where it was read;
 *  a reference column's (the national plan's targets, from the catalog) with `at` null. */
export type ComparedIndicator = Omit<Indicator, "at"> & { at: At | null };

/** How the row's indicators were put together. */
export type AlignmentKind = "catalog" | "similar" | "single";

/**
 * A row's targets on one axis where further right always asks more (see ambition.ts): the axis runs
 * from `domain[0]` (left, least ambitious) to `domain[1]` (right), in the targets' own figures, so it
 * runs from large to small when a smaller figure is stricter.
 */
export interface AmbitionScale {
  basis: "change" | "level";
  /** for relative targets: the direction every target moves in */
  change: "decrease" | "increase" | null;
  /** the targets' unit as printed ("%", "‰"), null when they print none */
  unit: string | null;
  domain: [number, number];
  /**
   * Only beyond SIDE_BY_SIDE_MAX counties: how many counties chose each figure, left to right, with
   * the commonest printed form of it.
   */
  distribution?: Array<{ value: number; position: number; counties: number; raw: string }>;
}

export interface TargetComparison {
  /** "change": targets are relative changes (下降15%); "level": absolute levels (<0.01); null: not comparable */
  basis: "change" | "level" | null;
  /**
   * counties in order of ambition, most ambitious first, with the figure compared and its place on
   * the row's scale (0 at the least ambitious end, 1 at the most)
   */
  ranking: Array<{ slug: string; value: number; position: number }>;
  /** the axis the ranking is drawn on; null when the targets are not comparable */
  scale: AmbitionScale | null;
  /** the most ambitious (several when tied); empty when not comparable */
  mostAmbitious: string[];
  /** why targets could not be compared, or other caveats */
  note: string | null;
  /** binding in one county, expected in another */
  natureMismatch: boolean;
  /** a five-year average in one county, an end-of-period figure in another */
  averageMismatch: boolean;
}

export interface AlignedIndicator {
  key: string;
  label: string;
  period: "13th" | "14th";
  canonicalId: string | null;
  alignment: AlignmentKind;
  /** for "similar": the name similarity the pairing rests on */
  similarity: number | null;
  better: "lower" | "higher" | null;
  /** every county, null where it lacks the indicator; beyond SIDE_BY_SIDE_MAX counties only those that have it */
  values: Record<string, ComparedIndicator | null>;
  comparison: TargetComparison;
}

export interface ThemeRow {
  theme: string;
  label: string;
  counties: Record<string, { count: number; investment: number | null; investmentUnit: string | null; names: string[] }>;
}

export interface ShapeRow {
  role: ChapterRole;
  counties: Record<string, { chapters: number; sections: number; tasks: number }>;
}

export interface TaskRef {
  chapter: number;
  section: number | null;
  no: number;
  title: string;
}

export interface TaskMatch {
  from: string;
  to: string;
  task: TaskRef;
  match: TaskRef | null;
  score: number;
}

export interface Topics {
  /** per county: keywords by the number of tasks that carry them */
  keywords: Record<string, Array<{ word: string; tasks: number }>>;
  /** keywords every county's tasks carry */
  shared: string[];
  /** prominent keywords of one county that no other county's tasks carry */
  only: Record<string, string[]>;
  /** each task's closest task in every other county; empty beyond SIDE_BY_SIDE_MAX counties */
  matches: TaskMatch[];
  /**
   * Only beyond SIDE_BY_SIDE_MAX counties: every topic word with the number of counties and of tasks
   * that carry it, most widespread first.
   */
  coverage?: Array<{ word: string; counties: number; tasks: number }>;
}

export interface Comparison {
  counties: string[];
  /** a reference column that is not a county ("national"), when asked for */
  against: string | null;
  overview: CountyOverview[];
  indicators: AlignedIndicator[];
  projects: ThemeRow[];
  shape: ShapeRow[];
  topics: Topics;
}

export type { Value };
