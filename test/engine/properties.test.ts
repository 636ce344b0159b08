/**
 * Properties of the engine over every model and arbitrary, hostile params, checked against an
 * independent reading of the catalog (./oracle.ts): validity, idempotence, snapping, reported
 * adjustments, prices and the budget fit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import type { EngineError } from "../../src/engine/errors.ts";
import type { Adjustment, Params } from "../../src/engine/normalize.ts";
import type { ModelProfile } from "../../src/engine/profile.ts";
import { arbParams, HOSTILE, MOSTLY_VALID, wildNumbers, type RequestShape } from "./arbitraries.ts";
import {
  effectiveGrid,
  fitCandidates,
  isNearestOnGrid,
  isQualityParam,
  keepsAspect,
  models,
  nearestNumbers,
  nearestPairs,
  qualityRank,
  requiredPlaceholders,
  same,
  violations,
  type Model,
} from "./oracle.ts";

const engine = createEngine();

/** Runs per model and property; the file stays well under 20 s on 2 cores at the default. */
const RUNS = Number(process.env.ENGINE_PROPERTY_RUNS ?? 100);

const ERROR_CODES = new Set(["MODEL_NOT_FOUND", "PROMPT_TOO_LONG", "QUANTITY_TOO_HIGH", "INVALID_PARAMS", "INSUFFICIENT_BUDGET"]);

const profileOf = (model: Model): ModelProfile => engine.profile(model.id)!;

/** Checks `property` on `runs` requests for every model, naming the model in a failure. */
function forEveryModel<T>(
  arb: (model: Model) => fc.Arbitrary<T> | undefined,
  property: (model: Model, value: T) => void,
  runs = RUNS,
): void {
  for (const model of models) {
    const values = arb(model);
    if (!values) continue;
    fc.assert(
      fc.property(fc.constant(model.id), values, (_id, value) => {
        property(model, value);
      }),
      { numRuns: runs },
    );
  }
}

const requests = (shape: RequestShape) => (model: Model) => arbParams(model, shape);

/** Sent params, as the engine reads them: null means "not sent". */
const sentEntries = (raw: Record<string, unknown>) => Object.entries(raw).filter(([, v]) => v !== null && v !== undefined);

// --- normalization -----------------------------------------------------------------------------------

describe("normalization", () => {
  it("never throws, and answers with normalized params or a documented error naming sent or required fields", () => {
    forEveryModel(requests(HOSTILE), (model, raw) => {
      const result = engine.normalize({ model: model.id, params: raw });
      if (result.ok) return;
      expect(ERROR_CODES.has(result.error.code)).toBe(true);
      expect(result.error.code).not.toBe("INSUFFICIENT_BUDGET");
      if (result.error.code === "INVALID_PARAMS") {
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          const named = Object.prototype.hasOwnProperty.call(raw, issue.field) || model.param(issue.field) !== undefined;
          expect(named, `${issue.field}: ${issue.reason}`).toBe(true);
          expect(issue.reason.length).toBeGreaterThan(0);
        }
      }
    }, RUNS * 2);
  });

  it("accepts most well-formed requests (the properties below are not vacuous)", () => {
    for (const model of models) {
      const samples = fc.sample(arbParams(model, MOSTLY_VALID), { numRuns: 100, seed: 42 });
      const accepted = samples.filter((raw) => engine.normalize({ model: model.id, params: raw }).ok).length;
      expect(accepted, model.id).toBeGreaterThanOrEqual(40);
    }
  });

  for (const [label, shape] of [
    ["well-formed", MOSTLY_VALID],
    ["hostile", HOSTILE],
  ] as const) {
    it(`normalized params are always valid for the model (${label} requests)`, () => {
      forEveryModel(requests(shape), (model, raw) => {
        const result = engine.normalize({ model: model.id, params: raw });
        if (!result.ok) return;
        expect(violations(model, result.value.params)).toEqual([]);
      });
    });

    it(`normalizing the normalized params again changes nothing and reports no adjustment (${label} requests)`, () => {
      forEveryModel(requests(shape), (model, raw) => {
        const first = engine.normalize({ model: model.id, params: raw });
        if (!first.ok) return;
        const again = engine.normalize({ model: model.id, params: first.value.params });
        if (!again.ok) throw new Error(`re-normalizing failed: ${JSON.stringify(again.error)}`);
        expect(again.value.adjustments).toEqual([]);
        expect(same(again.value.params, first.value.params)).toBe(true);
      });
    });

    it(`every sent param whose value differs in the result appears in adjustments; nothing changes silently (${label} requests)`, () => {
      forEveryModel(requests(shape), (model, raw) => {
        const result = engine.normalize({ model: model.id, params: raw });
        if (!result.ok) return;
        const { params, adjustments } = result.value;
        const byParam = new Map<string, Adjustment[]>();
        for (const a of adjustments) byParam.set(a.param, [...(byParam.get(a.param) ?? []), a]);
        for (const [name, value] of sentEntries(raw)) {
          if (!Object.prototype.hasOwnProperty.call(params, name)) {
            // The one documented drop: a quantity of 1 for a model that always makes one output.
            expect(name === "quantity" && value === 1 && model.param("quantity") === undefined, `${name} was dropped`).toBe(true);
            continue;
          }
          if (same(params[name], value)) continue;
          const list = byParam.get(name);
          expect(list, `${name} changed from ${String(value)} to ${String(params[name])} silently`).toBeDefined();
          expect(same(list![0]!.from, value), `${name}: first adjustment starts at the sent value`).toBe(true);
        }
        for (const [name, list] of byParam) {
          expect(same(list[list.length - 1]!.to, params[name]), `${name}: last adjustment ends at the result`).toBe(true);
          for (const a of list) expect(same(a.from, a.to), `${name}: an adjustment that changes nothing`).toBe(false);
          // Params nobody sent move only under the spec's cross-parameter rules.
          if (!sentEntries(raw).some(([k]) => k === name)) expect(list.every((a) => a.reason === "PARAM_RULE"), name).toBe(true);
        }
      });
    });
  }

  it("snaps width/height to the nearest table pair by aspect ratio, then pixel count (brute force over the table)", () => {
    forEveryModel(
      (model) => {
        const sizes = model.sizes;
        if (sizes.kind !== "table" && sizes.kind !== "tiered") return undefined;
        const side = fc.oneof(
          fc.integer({ min: 1, max: 8000 }),
          fc.double({ min: 0.25, max: 20_000, noNaN: true }),
          fc.constantFrom(1e9, 1e200, Number.MAX_VALUE, Number.MIN_VALUE),
        );
        const tier = sizes.kind === "tiered" ? fc.option(fc.constantFrom(...sizes.byTier.keys()), { nil: undefined }) : fc.constant(undefined);
        return fc.tuple(side, side, tier);
      },
      (model, [width, height, tier]) => {
        const sizes = model.sizes;
        const raw: Record<string, unknown> = { ...requiredPlaceholders(model), width, height };
        if (tier !== undefined) raw[model.tier!.name] = tier;
        const result = engine.normalize({ model: model.id, params: raw });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const pool =
          sizes.kind === "table"
            ? sizes.pairs
            : tier !== undefined
              ? sizes.kind === "tiered"
                ? sizes.byTier.get(tier)!
                : []
              : sizes.kind === "tiered"
                ? [...sizes.byTier.values()].flat()
                : [];
        const nearest = nearestPairs(pool, width, height);
        const chosen = [result.value.params.width, result.value.params.height];
        expect(
          nearest.some((r) => r.width === chosen[0] && r.height === chosen[1]),
          `${width}×${height} → ${chosen.join("×")}, nearest: ${nearest.map((r) => `${r.width}×${r.height}`).join(", ")}`,
        ).toBe(true);
        if (sizes.kind === "tiered") {
          const tierValue = result.value.params[model.tier!.name] as string;
          if (tier !== undefined) expect(tierValue).toBe(tier);
          expect(sizes.byTier.get(tierValue)!.some((r) => r.width === chosen[0] && r.height === chosen[1])).toBe(true);
        }
      },
      RUNS * 3,
    );
  });

  it("snaps width/height to the nearest valid step inside a dimension range", () => {
    forEveryModel(
      (model) => (model.sizes.kind === "range" ? fc.tuple(wildNumbers, wildNumbers) : undefined),
      (model, [width, height]) => {
        const sizes = model.sizes;
        if (sizes.kind !== "range") return;
        const result = engine.normalize({ model: model.id, params: { ...requiredPlaceholders(model), width, height } });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const { params } = result.value;
        if (sizes.auto && width === 0 && height === 0) {
          expect(params.width === 0 && params.height === 0, "0×0 (auto) stays").toBe(true);
          return;
        }
        expect(isNearestOnGrid(sizes.width, params.width as number, width), `width ${width} → ${String(params.width)}`).toBe(true);
        expect(isNearestOnGrid(sizes.height, params.height as number, height), `height ${height} → ${String(params.height)}`).toBe(true);
      },
      RUNS * 3,
    );
  });

  it("maps an enumerated number (duration, fps…) to the nearest allowed one", () => {
    forEveryModel(
      (model) => {
        const numeric = model.params.filter(
          (p) =>
            p.type === "enum" &&
            p.values!.every((v) => typeof v === "number") &&
            !((p.name === "width" || p.name === "height") && model.sizes.kind !== "none"),
        );
        return numeric.length ? fc.tuple(fc.constantFrom(...numeric), wildNumbers) : undefined;
      },
      (model, [param, value]) => {
        const result = engine.normalize({ model: model.id, params: { ...requiredPlaceholders(model), [param.name]: value } });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expect(nearestNumbers(param.values as number[], value)).toContain(result.value.params[param.name]);
      },
      RUNS * 2,
    );
  });
});

// --- price ---------------------------------------------------------------------------------------

/** The values that decide a price: size (with its tier), duration, quantity and quality tiers. */
interface Setting {
  readonly tier?: string;
  readonly width?: number;
  readonly height?: number;
  readonly label?: string;
  readonly duration?: number;
  readonly quantity?: number;
  readonly quality: Readonly<Record<string, string>>;
}

function qualityParams(model: Model) {
  return model.params.filter((p) => isQualityParam(p) && !(model.sizes.kind === "tiered" && p.name === model.tier?.name));
}

/** Every size a setting can take (range: a random grid point), optionally only those at or above `floor`. */
function sizeArb(model: Model, floor?: Setting): fc.Arbitrary<Pick<Setting, "tier" | "width" | "height" | "label">> {
  const sizes = model.sizes;
  const atLeast = (w: number, h: number) => floor?.width === undefined || w * h >= floor.width * floor.height!;
  const tierAtLeast = (t: string) => floor?.tier === undefined || model.tier!.values.indexOf(t) >= model.tier!.values.indexOf(floor.tier);
  if (sizes.kind === "table") {
    const pairs = sizes.pairs.filter((r) => atLeast(r.width, r.height));
    return fc.constantFrom(...pairs).map((r) => ({ width: r.width, height: r.height, label: r.label }));
  }
  if (sizes.kind === "tiered") {
    const options = [...sizes.byTier].flatMap(([tier, pairs]) => pairs.map((r) => ({ tier, width: r.width, height: r.height, label: r.label })));
    return fc.constantFrom(...options.filter((o) => tierAtLeast(o.tier) && atLeast(o.width, o.height)));
  }
  if (sizes.kind === "range") {
    const gw = effectiveGrid(sizes.width);
    const gh = effectiveGrid(sizes.height);
    const from = (g: typeof gw, low: number | undefined) => {
      const lowest = low === undefined ? 0 : Math.ceil((low - g.min) / g.step);
      return fc.integer({ min: lowest, max: Math.floor((g.max - g.min) / g.step) }).map((k) => g.min + k * g.step);
    };
    return fc.tuple(from(gw, floor?.width), from(gh, floor?.height)).map(([width, height]) => ({ width, height }));
  }
  return fc.constant({});
}

function settingArb(model: Model, floor?: Setting): fc.Arbitrary<Setting> {
  const keep = <T>(arb: fc.Arbitrary<T>, current: T | undefined) =>
    floor === undefined || current === undefined ? arb : fc.oneof(fc.constant(current), arb);
  const durations = model.duration ? model.duration.values.filter((d) => floor?.duration === undefined || d >= floor.duration) : [];
  const quality = qualityParams(model).map((p) => {
    const values = (p.values as string[]).filter((v) => floor === undefined || qualityRank(p.values, v)! >= qualityRank(p.values, floor.quality[p.name])!);
    return keep(fc.constantFrom(...values), floor?.quality[p.name]).map((v) => [p.name, v] as const);
  });
  const qMax = model.param("quantity") ? model.quantityMax : 1;
  return fc.record({
    size: floor && floor.width === undefined && floor.tier === undefined ? fc.constant({}) : keep(sizeArb(model, floor), floor && { tier: floor.tier, width: floor.width, height: floor.height, label: floor.label }),
    duration: durations.length ? keep(fc.constantFrom(...durations), floor?.duration) : fc.constant(undefined),
    quantity: fc.integer({ min: floor?.quantity ?? 1, max: qMax }),
    quality: fc.tuple(...quality).map((entries) => Object.fromEntries(entries)),
  }).map(({ size, duration, quantity, quality }) => ({
    ...size,
    ...(duration !== undefined ? { duration } : {}),
    ...(model.param("quantity") ? { quantity } : {}),
    quality,
  }));
}

function applySetting(model: Model, base: Params, s: Setting): Record<string, unknown> {
  const params: Record<string, unknown> = { ...base, ...s.quality };
  if (s.width !== undefined) {
    params.width = s.width;
    params.height = s.height;
  }
  if (s.tier !== undefined) params[model.tier!.name] = s.tier;
  if (s.label !== undefined && model.tier?.aspectParam) params[model.tier.aspectParam] = s.label;
  if (s.duration !== undefined) params[model.duration!.name] = s.duration;
  if (s.quantity !== undefined) params.quantity = s.quantity;
  return params;
}

/** A normalized request of the model, from a well-formed random one (rejections are retried). */
const normalizedArb = (model: Model) =>
  arbParams(model, MOSTLY_VALID)
    .map((raw) => ({ raw, result: engine.normalize({ model: model.id, params: raw }) }))
    .filter((n) => n.result.ok)
    .map(({ raw, result }) => ({ raw, params: (result as { ok: true; value: { params: Params } }).value.params }));

describe("price", () => {
  it("cost is a finite, non-negative integer number of micro-dollars", () => {
    forEveryModel(requests(HOSTILE), (model, raw) => {
      const result = engine.normalize({ model: model.id, params: raw });
      if (!result.ok) return;
      const cost = engine.price(profileOf(model), result.value.params);
      expect(Number.isSafeInteger(cost), String(cost)).toBe(true);
      expect(cost).toBeGreaterThanOrEqual(0);
      const quote = engine.quote({ model: model.id, params: raw }, 1e12);
      expect(quote.ok && quote.value.cost === cost).toBe(true);
    });
  });

  it("cost never decreases when pixels, duration, quantity or a quality tier go up", () => {
    let compared = 0;
    forEveryModel(
      (model) =>
        fc
          .tuple(normalizedArb(model), settingArb(model))
          .chain(([base, low]) => settingArb(model, low).map((high) => ({ base: base.params, low, high }))),
      (model, { base, low, high }) => {
        const a = applySetting(model, base, low);
        const b = applySetting(model, base, high);
        // Only valid requests are compared (e.g. Hailuo 1080p allows only 6 s).
        if (violations(model, a).length || violations(model, b).length) return;
        compared++;
        const profile = profileOf(model);
        const costA = engine.price(profile, a);
        const costB = engine.price(profile, b);
        expect(costB, `${JSON.stringify(low)} → ${costA}, ${JSON.stringify(high)} → ${costB}`).toBeGreaterThanOrEqual(costA);
      },
      RUNS * 2,
    );
    expect(compared).toBeGreaterThan(models.length * RUNS);
  });
});

// --- budget fit ----------------------------------------------------------------------------------

/** Range models have up to ~14,000 sizes: the brute force samples this many per tier (plus the fit's neighbours). */
const RANGE_SAMPLE = 120;

const remainingFraction = fc.oneof(
  fc.double({ min: 0, max: 1.05, noNaN: true }),
  fc.constantFrom(0, 1e-4, 0.01, 0.25, 0.5, 0.99, 1),
);

interface FitCase {
  readonly model: Model;
  readonly raw: Record<string, unknown>;
  readonly params: Params;
  readonly cost: number;
  readonly remaining: number;
}

function forEveryFit(property: (c: FitCase, quote: ReturnType<typeof engine.quote>) => void): void {
  forEveryModel(
    (model) => fc.tuple(normalizedArb(model), remainingFraction),
    (model, [{ raw, params }, fraction]) => {
      const cost = engine.price(profileOf(model), params);
      const remaining = Math.floor(cost * fraction);
      property({ model, raw, params, cost, remaining }, engine.quote({ model: model.id, params: raw }, remaining));
    },
    RUNS * 2,
  );
}

/** The longer side's value of a size, as the range brute force indexes it. */
const driveOf = (params: Params, original: Params) =>
  (original.width as number) >= (original.height as number) ? (params.width as number) : (params.height as number);

function bruteForce(c: FitCase, fitted?: Params) {
  const include: number[] = [];
  if (fitted && c.model.sizes.kind === "range" && typeof fitted.width === "number" && fitted.width > 0 && (fitted.height as number) > 0) {
    const step = Math.max(...(c.model.sizes.width.concat(c.model.sizes.height)).map((g) => g.step));
    const d = driveOf(fitted, c.params);
    for (let k = -2; k <= 2; k++) include.push(d + k * step);
  }
  const profile = profileOf(c.model);
  return fitCandidates(c.model, c.params, RANGE_SAMPLE, include).map((candidate) => ({
    ...candidate,
    cost: engine.price(profile, candidate.params),
  }));
}

const TOUCHABLE = (model: Model) => new Set(["width", "height", ...(model.tier ? [model.tier.name] : []), ...(model.duration ? [model.duration.name] : [])]);

describe("budget fit", () => {
  it("a request that fits is returned unchanged, at its own cost", () => {
    forEveryFit((c, quote) => {
      if (c.cost > c.remaining) return;
      if (!quote.ok) throw new Error(JSON.stringify(quote.error));
      expect(same(quote.value.params, c.params)).toBe(true);
      expect(quote.value.cost).toBe(c.cost);
      expect(quote.value.fitsInBudget).toBe(true);
      expect(quote.value.adjustments.some((a) => a.reason === "BUDGET_DOWNGRADE")).toBe(false);
    });
  });

  it("a budget fit never exceeds the remaining budget, and costs what its params cost", () => {
    forEveryFit((c, quote) => {
      if (!quote.ok) return;
      expect(quote.value.cost).toBeLessThanOrEqual(c.remaining);
      expect(quote.value.cost).toBe(engine.price(profileOf(c.model), quote.value.params));
      expect(quote.value.requestedCost).toBe(c.cost);
      expect(same(quote.value.requestedParams, c.params)).toBe(true);
      expect(quote.value.fitsInBudget).toBe(c.cost <= c.remaining);
    });
  });

  it("a budget fit never raises a param, touches only width/height, the tier param and the duration (LTXV aspect unchanged), and stays valid", () => {
    forEveryFit((c, quote) => {
      if (!quote.ok) return;
      const before = c.params;
      const after = quote.value.params;
      const touchable = TOUCHABLE(c.model);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const key of Object.keys(before)) if (!touchable.has(key)) expect(same(after[key], before[key]), key).toBe(true);
      const { tier, duration } = c.model;
      if (duration) expect(after[duration.name] as number).toBeLessThanOrEqual(before[duration.name] as number);
      if (tier) expect(tier.values.indexOf(after[tier.name] as string)).toBeLessThanOrEqual(tier.values.indexOf(before[tier.name] as string));
      if (typeof before.width === "number") expect(after.width as number).toBeLessThanOrEqual(before.width);
      if (typeof before.height === "number") expect(after.height as number).toBeLessThanOrEqual(before.height);
      expect(violations(c.model, after)).toEqual([]);
      // Every change is reported as the downgrade, from the request's value to the fitted one.
      const downgrades = quote.value.adjustments.filter((a) => a.reason === "BUDGET_DOWNGRADE");
      const changed = Object.keys(after).filter((k) => !same(after[k], before[k]));
      expect(downgrades.map((a) => a.param).sort()).toEqual(changed.sort());
      for (const a of downgrades) expect([a.from, a.to]).toEqual([before[a.param], after[a.param]]);
    });
  });

  it("a budget fit keeps the aspect ratio: the same table label, or on a dimension range within half a grid step per side", () => {
    forEveryFit((c, quote) => {
      if (!quote.ok || quote.value.cost === c.cost) return;
      const before = c.params;
      const after = quote.value.params;
      const sizes = c.model.sizes;
      if (typeof before.width !== "number" || typeof before.height !== "number" || before.width === 0 || before.height === 0) return;
      const w = after.width as number;
      const h = after.height as number;
      if (sizes.kind === "range") {
        const request = { width: before.width, height: before.height as number };
        const ok = keepsAspect(request, { width: w, height: h }, effectiveGrid(sizes.width).step, effectiveGrid(sizes.height).step);
        expect(ok, `${request.width}×${request.height} → ${w}×${h}`).toBe(true);
      } else if (sizes.kind === "table" || sizes.kind === "tiered") {
        const labelOf = (p: Params) => {
          const pairs = sizes.kind === "table" ? sizes.pairs : sizes.byTier.get(p[sizes.param] as string)!;
          return pairs.find((r) => r.width === p.width && r.height === p.height)?.label;
        };
        expect(labelOf(after)).toBe(labelOf(before));
      }
    });
  });

  it("no other candidate with a higher cost fits, and a tie keeps the higher resolution (brute force)", () => {
    forEveryFit((c, quote) => {
      if (!quote.ok) return;
      const fitted = quote.value.params;
      const candidates = bruteForce(c, fitted);
      const fitting = candidates.filter((k) => k.cost <= c.remaining || k.cost <= quote.value.cost);
      const best = Math.max(...fitting.map((k) => k.cost));
      expect(quote.value.cost, "the dearest candidate that fits").toBe(best);
      const pixels = typeof fitted.width === "number" && typeof fitted.height === "number" ? fitted.width * fitted.height : 0;
      const tierRank = c.model.tier ? c.model.tier.values.indexOf(fitted[c.model.tier.name] as string) : 0;
      for (const k of fitting.filter((k) => k.cost === best)) {
        const higher = k.pixels > pixels || (k.pixels === pixels && k.tierRank > tierRank);
        expect(higher, `tie with a higher resolution: ${JSON.stringify(k.params)}`).toBe(false);
      }
    });
  });

  it("when nothing fits, INSUFFICIENT_BUDGET carries the brute-force cheapest cost, which exceeds the budget", () => {
    let insufficient = 0;
    forEveryFit((c, quote) => {
      const candidates = bruteForce(c);
      const cheapest = Math.min(...candidates.map((k) => k.cost));
      if (quote.ok) {
        expect(cheapest).toBeLessThanOrEqual(c.remaining);
        return;
      }
      insufficient++;
      const error: EngineError = quote.error;
      if (error.code !== "INSUFFICIENT_BUDGET") throw new Error(`unexpected ${error.code}`);
      expect(error.cheapestCost).toBe(cheapest);
      expect(error.cheapestCost).toBeGreaterThan(c.remaining);
      expect(error.remaining).toBe(c.remaining);
    });
    expect(insufficient).toBeGreaterThan(0);
  });
});
