import type { Resolution } from "../catalog/types.ts";
import type { AspectGroup, Bounds } from "./profile.ts";

/**
 * The aspect-ratio group nearest to width/height: smallest |ln(ratio) − ln(label ratio)|,
 * the first listed on a tie.
 */
export function nearestAspectGroup(groups: readonly AspectGroup[], width: number, height: number): AspectGroup {
  // ln w − ln h rather than ln(w/h): the quotient of two extreme sizes can overflow to ∞ or 0.
  const target = Math.log(width) - Math.log(height);
  let best = groups[0]!;
  let bestDistance = Math.abs(best.logRatio - target);
  for (let i = 1; i < groups.length; i++) {
    const group = groups[i]!;
    const distance = Math.abs(group.logRatio - target);
    if (distance < bestDistance) {
      best = group;
      bestDistance = distance;
    }
  }
  return best;
}

/** The size in the group whose pixel count is nearest; the smaller on a tie. */
export function nearestByPixels(sizes: readonly Resolution[], target: number): Resolution {
  // A product of two huge sides overflows to ∞, which is equally far from every size; clamped, the largest is nearest.
  const pixels = Math.min(target, Number.MAX_SAFE_INTEGER);
  let best = sizes[0]!;
  let bestDistance = Math.abs(best.width * best.height - pixels);
  for (let i = 1; i < sizes.length; i++) {
    const size = sizes[i]!;
    const distance = Math.abs(size.width * size.height - pixels);
    if (distance < bestDistance || (distance === bestDistance && size.width * size.height < best.width * best.height)) {
      best = size;
      bestDistance = distance;
    }
  }
  return best;
}

/** "Snapped to the nearest valid pair by aspect ratio and pixel count." */
export function snapToTable(groups: readonly AspectGroup[], width: number, height: number): Resolution {
  return nearestByPixels(nearestAspectGroup(groups, width, height).sizes, width * height);
}

/** Nearest value of min + k·step inside [min, max]; the lower one on a tie. */
export function snapToStep(bounds: Bounds, value: number): number {
  if (value <= bounds.min) return bounds.min;
  const top = bounds.min + Math.floor((bounds.max - bounds.min) / bounds.step) * bounds.step;
  if (value >= top) return top;
  const k = (value - bounds.min) / bounds.step;
  const down = Math.floor(k);
  const snapped = k - down > 0.5 ? down + 1 : down;
  return bounds.min + snapped * bounds.step;
}

/** Nearest allowed number; the lower one on a tie. */
export function nearestNumber(values: readonly number[], value: number): number {
  let best = values[0]!;
  for (const candidate of values) {
    const d = Math.abs(candidate - value);
    const bestD = Math.abs(best - value);
    if (d < bestD || (d === bestD && candidate < best)) best = candidate;
  }
  return best;
}
