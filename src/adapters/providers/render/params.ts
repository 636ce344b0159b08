/**
 * Reading the few normalized params the simulated renderer cares about. Params arrive already
 * validated by the engine; anything unusable here falls back to a documented default, and only
 * values no valid request can carry (absurd sizes, quantities) throw, as caller bugs.
 */

/** The largest width or height rendered (the catalog's largest is 6336). */
export const MAX_SIDE = 16384;
/** The most files one generation renders (the spec's largest quantity is 8). */
export const MAX_QUANTITY = 16;
export const DEFAULT_SIDE = 1024;

function finiteNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** The requested width × height; absent or 0 → 1024. */
export function requestedSize(params: Readonly<Record<string, unknown>>): { width: number; height: number } {
  const side = (name: "width" | "height"): number => {
    const raw = finiteNumber(params[name]);
    if (raw === undefined || raw === 0) return DEFAULT_SIDE;
    const value = Math.round(raw);
    if (value < 1 || value > MAX_SIDE) throw new RangeError(`simulated render: ${name} ${raw} outside 1..${MAX_SIDE}`);
    return value;
  };
  return { width: side("width"), height: side("height") };
}

/** `quantity`, default 1. */
export function requestedQuantity(params: Readonly<Record<string, unknown>>): number {
  const raw = finiteNumber(params["quantity"]);
  if (raw === undefined || raw === 0) return 1;
  const value = Math.round(raw);
  if (value < 1 || value > MAX_QUANTITY) throw new RangeError(`simulated render: quantity ${raw} outside 1..${MAX_QUANTITY}`);
  return value;
}

/** The prompt text, "" when absent. */
export function promptText(params: Readonly<Record<string, unknown>>): string {
  const prompt = params["prompt"];
  return typeof prompt === "string" ? prompt : "";
}

/** Clip length in seconds from `duration` or `durationSeconds`, default 5, clamped to 1..60. */
export function requestedDuration(params: Readonly<Record<string, unknown>>): number {
  const raw = finiteNumber(params["duration"]) ?? finiteNumber(params["durationSeconds"]);
  if (raw === undefined || raw <= 0) return 5;
  return Math.min(60, Math.max(1, raw));
}

/**
 * The requested aspect ratio as width / height: from width × height when both are positive,
 * else from an `aspect_ratio` like "9:16", else 16:9.
 */
export function requestedAspect(params: Readonly<Record<string, unknown>>): number {
  const w = finiteNumber(params["width"]);
  const h = finiteNumber(params["height"]);
  if (w !== undefined && h !== undefined && w > 0 && h > 0) return w / h;
  const ratio = params["aspect_ratio"] ?? params["aspectRatio"];
  if (typeof ratio === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*[:x/]\s*(\d+(?:\.\d+)?)\s*$/.exec(ratio);
    if (match) {
      const a = Number(match[1]);
      const b = Number(match[2]);
      if (a > 0 && b > 0) return a / b;
    }
  }
  return 16 / 9;
}

/**
 * `bounding_box` as [width, height, length] scaled so the largest is 1 (the proportions are what
 * a bounding box constrains); [1, 1, 1] when absent or malformed.
 */
export function requestedBoundingBox(params: Readonly<Record<string, unknown>>): [number, number, number] {
  const box = params["bounding_box"];
  if (Array.isArray(box) && box.length === 3) {
    const sides = box.map(finiteNumber);
    if (sides.every((s): s is number => s !== undefined && s > 0)) {
      const largest = Math.max(...sides);
      return [sides[0]! / largest, sides[1]! / largest, sides[2]! / largest];
    }
  }
  return [1, 1, 1];
}

/** A JSON text of `value` with object keys sorted, so equal params hash equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v === undefined ? null : v)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  const text = JSON.stringify(value);
  return text === undefined ? "null" : text;
}
