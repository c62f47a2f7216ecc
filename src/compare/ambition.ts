// One scale of ambition per indicator row: an axis on which further right always asks more, whatever
// the measure's direction (a larger decrease of deaths, a lower death rate, a higher coverage). The
// catalog says which direction is stricter (`better`); the targets' figures keep their printed
// meaning, so the axis runs from largest to smallest when a smaller figure asks more.
import type { AmbitionScale, TargetComparison } from "./model.js";

/** Positions are kept to this many decimals: enough for any drawing, short in the JSON. */
const POSITION_DECIMALS = 4;

/**
 * The axis for targets already found comparable: all relative changes in one direction, or all
 * levels in one unit. `reversed` is whether a smaller figure is the more ambitious. The axis spans
 * zero (no change, or the zero level) to the largest figure, so that distances mean what they say.
 */
export function ambitionScale(
  basis: "change" | "level",
  change: "decrease" | "increase" | null,
  unit: string | null,
  reversed: boolean,
  values: number[],
): AmbitionScale {
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  // every target zero (不发生, 0 deaths): an axis of one unit, zero at its ambitious end
  if (hi === lo) hi = lo + 1;
  return { basis, change, unit, domain: reversed ? [hi, lo] : [lo, hi] };
}

/** Where a figure sits on the scale: 0 at the left (least ambitious) end, 1 at the right. */
export function positionOn(scale: AmbitionScale, value: number): number {
  const [left, right] = scale.domain;
  return Number(((value - left) / (right - left)).toFixed(POSITION_DECIMALS));
}

/**
 * How many counties chose each figure, left to right on the scale; references (the national plan)
 * are not counties and are left out. `raw` is the commonest printed form of the figure.
 */
export function targetDistribution(
  comparison: TargetComparison,
  raws: Map<string, string>,
  isCounty: (slug: string) => boolean,
): NonNullable<AmbitionScale["distribution"]> {
  const scale = comparison.scale!;
  const byValue = new Map<number, { counties: number; raw: Map<string, number> }>();
  for (const { slug, value } of comparison.ranking) {
    if (!isCounty(slug)) continue;
    let bin = byValue.get(value);
    if (!bin) byValue.set(value, (bin = { counties: 0, raw: new Map() }));
    bin.counties++;
    const raw = raws.get(slug) ?? String(value);
    bin.raw.set(raw, (bin.raw.get(raw) ?? 0) + 1);
  }
  return [...byValue.entries()]
    .map(([value, bin]) => {
      const raw = [...bin.raw.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
      return { value, position: positionOn(scale, value), counties: bin.counties, raw };
    })
    .sort((a, b) => a.position - b.position || a.value - b.value);
}
