/**
 * Request generators for the engine's property tests: for one model, a random subset of its
 * params with valid values, values the engine must snap (off-grid sizes, off-enum numbers,
 * enum values in the wrong letter case) and hostile ones (wrong types, huge, negative and
 * fractional numbers, NaN-like strings, unknown keys).
 */
import fc from "fast-check";
import type { ParamSpec } from "../../src/catalog/types.ts";
import { effectiveGrid, INLINE_REFERENCES, type Model } from "./oracle.ts";

const ABSENT = Symbol("absent");

export const references = fc.constantFrom(
  "https://example.com/frame.jpg",
  "https://cdn.example.org/a/b.png?x=1",
  "data:image/png;base64,iVBORw0KGgo=",
  "f578692c-6475-4d85-b4c2-32a97af506ff",
);

const badReferences = fc.constantFrom("http://example.com/frame.jpg", "ftp://x/y", "https://", "not a url", "data:image/png,abc", "");

/** Numbers an attacker or a careless client sends. */
export const wildNumbers = fc.oneof(
  fc.integer({ min: -10_000, max: 20_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, -1, 0.5, 1e9, -1e9, 1e15, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2),
);

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("NaN", "Infinity", "-1", "1e3", "8", "", " ", "null", "true", "0x10", "１２"),
  fc.constantFrom(NaN, Infinity, -Infinity),
  wildNumbers,
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ nested: true }),
);

const flipCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flips) =>
    [...s].map((c, i) => (flips[i] ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join(""),
  );

const shortPrompts = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
);
const longPrompts = fc.oneof(shortPrompts, fc.constantFrom("a".repeat(1500), "\u{1F3D4}".repeat(1500), "b".repeat(1501)));

function validValue(model: Model, p: ParamSpec, shape: RequestShape): fc.Arbitrary<unknown> {
  if (p.name === "prompt") return shape.longPrompts ? longPrompts : shortPrompts;
  if (p.name === "quantity") return fc.integer({ min: 1, max: model.quantityMax });
  switch (p.type) {
    case "integer":
      return fc.integer({ min: Math.max(p.min ?? -1e6, -Number.MAX_SAFE_INTEGER), max: Math.min(p.max ?? 1e6, Number.MAX_SAFE_INTEGER) });
    case "number":
      return fc.double({ min: p.min ?? -1e6, max: p.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "string":
      return fc.string({ minLength: Math.max(p.minLength ?? 0, p.required ? 1 : 0), maxLength: Math.min(p.maxLength ?? 30, 30) }).filter(
        (s) => !p.required || s.trim() !== "",
      );
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 });
    case "reference":
      return references;
    case "any":
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant({ k: 1 }));
    case "enum":
      return fc.constantFrom(...p.values!);
  }
}

/** Values the engine must make valid: sizes anywhere, numbers between enum values, enums in another case. */
function snappableValue(model: Model, p: ParamSpec): fc.Arbitrary<unknown> | undefined {
  if ((p.name === "width" || p.name === "height") && model.sizes.kind !== "none") return sizeValue(model, p.name);
  if (p.type === "enum" && p.values!.every((v) => typeof v === "number")) return wildNumbers;
  if (p.type === "enum") return fc.constantFrom(...(p.values as string[])).chain(flipCase);
  return undefined;
}

/** A width or height: often near a valid one, sometimes anywhere (negative, fractional, huge). */
function sizeValue(model: Model, side: "width" | "height"): fc.Arbitrary<number> {
  const sizes = model.sizes;
  const near: number[] = [];
  if (sizes.kind === "table") near.push(...sizes.pairs.map((r) => r[side]));
  if (sizes.kind === "tiered") for (const pairs of sizes.byTier.values()) near.push(...pairs.map((r) => r[side]));
  if (sizes.kind === "range") {
    const g = effectiveGrid(sizes[side]);
    near.push(g.min, g.max, Math.round((g.min + g.max) / 2));
  }
  const around = near.length
    ? fc.tuple(fc.constantFrom(...near), fc.integer({ min: -300, max: 300 })).map(([v, d]) => Math.max(1, v + d))
    : fc.integer({ min: 1, max: 4000 });
  return fc.oneof(
    { weight: 4, arbitrary: around },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 8000 }) },
    { weight: 1, arbitrary: fc.double({ min: 0.5, max: 10_000, noNaN: true }) },
    { weight: 1, arbitrary: wildNumbers },
  );
}

export interface RequestShape {
  /** Relative weights of a valid, a snappable and a hostile value for each param sent. */
  readonly valid: number;
  readonly snappable: number;
  readonly hostile: number;
  /** Chance (0–1) that each param is sent at all. */
  readonly send: number;
  /** Add unknown keys, inline reference fields and a stray quantity. */
  readonly extras: boolean;
  /** Send prompts at and over the 1,500-character limit now and then. */
  readonly longPrompts: boolean;
}

export const MOSTLY_VALID: RequestShape = { valid: 10, snappable: 6, hostile: 0, send: 0.5, extras: false, longPrompts: false };
export const HOSTILE: RequestShape = { valid: 6, snappable: 4, hostile: 3, send: 0.5, extras: true, longPrompts: true };

const UNKNOWN_KEYS = ["durration", "widht", "colour", "__proto__", "constructor", "toString", "Prompt", "mode ", ""];

/** Params for one model, shaped by `shape`; required params are always sent (possibly badly). */
export function arbParams(model: Model, shape: RequestShape): fc.Arbitrary<Record<string, unknown>> {
  const entries = model.params.map((p) => {
    const choices: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [{ weight: shape.valid, arbitrary: validValue(model, p, shape) }];
    const snap = snappableValue(model, p);
    if (snap && shape.snappable) choices.push({ weight: shape.snappable, arbitrary: snap });
    if (shape.hostile) choices.push({ weight: shape.hostile, arbitrary: p.type === "reference" ? fc.oneof(badReferences, hostile) : hostile });
    const value = fc.oneof(...choices);
    const sendWeight = Math.round(shape.send * 100);
    const always = p.required && p.default === undefined && !shape.hostile;
    return (always ? value : fc.oneof({ weight: 100 - sendWeight, arbitrary: fc.constant(ABSENT) }, { weight: sendWeight, arbitrary: value })).map(
      (v) => [p.name, v] as const,
    );
  });
  if (!model.params.some((p) => p.name === "prompt")) {
    entries.push(fc.oneof(fc.constant<unknown>(ABSENT), shape.longPrompts ? longPrompts : shortPrompts).map((v) => ["prompt", v] as const));
  }
  const extras: fc.Arbitrary<readonly (readonly [string, unknown])[]> = shape.extras
    ? fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...UNKNOWN_KEYS), hostile),
          fc.tuple(fc.constantFrom(...INLINE_REFERENCES), fc.oneof(references, badReferences)),
          fc.tuple(fc.constant("images"), fc.constantFrom(["f578692c-6475-4d85-b4c2-32a97af506ff"], ["nope"], [])),
          fc.tuple(fc.constant("quantity"), fc.constantFrom(1, 2, 9, 0, -1, 1.5, "2", null)),
          fc.tuple(fc.constantFrom(...model.params.map((p) => p.name), "prompt"), fc.constant(null)),
        ),
        { maxLength: 2 },
      )
    : fc.constant([]);
  return fc.tuple(fc.tuple(...entries), extras).map(([sent, more]) => {
    const params: Record<string, unknown> = {};
    for (const [name, value] of [...sent, ...more]) {
      if (value === ABSENT) continue;
      Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return params;
  });
}
