/**
 * Every price the spec prints comes out of the engine equal at the precision printed.
 *
 * The figures are read, not retyped: the "Cost Calculation" table and the "Example costs" list
 * straight from the spec's markdown, each model's "Cost:" line from the catalog's `costSummary`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { resolutionTiers } from "../../src/catalog/resolution-tiers.ts";
import type { ModelSpec } from "../../src/catalog/types.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { microsToUsd } from "../../src/kernel/money.ts";

/** Rounds a dollar amount to `decimals` places the way the spec prints "~$0.49". */
const roundUsd = (usd: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(usd * factor + Number.EPSILON * factor) / factor;
};
import type { Params } from "../../src/engine/normalize.ts";

const SPEC_TEXT = readFileSync(new URL("../../docs/gateai-core-api.md", import.meta.url), "utf8");
const engine = createEngine();

/** A figure as printed: "~$0.003" → { usd: 0.003, decimals: 3 }. */
interface Printed {
  readonly usd: number;
  readonly decimals: number;
}
const readPrinted = (text: string): Printed => {
  const m = /^~?\$(\d+)\.(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`not a printed price: ${text}`);
  return { usd: Number(`${m[1]}.${m[2]}`), decimals: m[2]!.length };
};

/** The spec's display names in the tables → model ids (the only hand-written mapping). */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  "GPT Image 2": "gpt-image-2",
  "Ideogram 3.0": "ideogram-v3.0",
  "Seedance 2.0": "seedance-2.0",
  // Hailuo 2.3: its own Cost line prints the same ~$0.04 (the fast variant prints ~$0.03).
  Hailuo: "hailuo-2_3",
};

const modelOf = (id: string): ModelSpec => {
  const model = catalog.find((m) => m.id === id);
  if (!model) throw new Error(`no model ${id}`);
  return model;
};

/** Placeholder values for required params that have no default (priced "at all defaults"). */
function requiredPlaceholders(model: ModelSpec): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of model.params) {
    if (!p.required || p.default !== undefined) continue;
    if (p.type === "reference") params[p.name] = "https://example.com/start.jpg";
    else if (p.type === "string" || p.type === "any") params[p.name] = "A serene mountain lake at sunrise";
    else throw new Error(`${model.id}.${p.name}: no placeholder for a required ${p.type}`);
  }
  return params;
}

/**
 * Turns the spec's shorthand ("1024×1024", "LOW", "720p", "4s") into request params:
 * a size sets width/height; "Np" picks the tier value nearest N (Hailuo "720p" → 768p) or,
 * for models without a tier param, asks for the 16:9 size N pixels high (snapped by the engine);
 * "Ns" sets the duration; any other word is an enum value of one of the model's params.
 * Returns the duration separately when the model's duration enum does not hold it.
 */
function interpret(model: ModelSpec, phrases: readonly string[]): { params: Record<string, unknown>; offEnumSeconds?: number } {
  const params: Record<string, unknown> = { ...requiredPlaceholders(model) };
  let offEnumSeconds: number | undefined;
  for (const raw of phrases) {
    const phrase = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)×(\d+)$/.exec(phrase))) {
      params.width = Number(m[1]);
      params.height = Number(m[2]);
    } else if ((m = /^(\d+)p$/.exec(phrase))) {
      const lines = Number(m[1]);
      const tiers = resolutionTiers[model.id];
      if (tiers) {
        const number = (v: string) => Number(/(\d+)p?$/.exec(v)![1]);
        const nearest = [...tiers.tiers].sort((a, b) => Math.abs(number(a.value) - lines) - Math.abs(number(b.value) - lines))[0]!;
        params[tiers.param] = nearest.value;
      } else {
        params.width = Math.round((lines * 16) / 9);
        params.height = lines;
      }
    } else if ((m = /^(\d+)s$/.exec(phrase))) {
      const seconds = Number(m[1]);
      const duration = model.params.find((p) => p.name === "duration" || p.name === "durationSeconds");
      if (!duration) throw new Error(`${model.id} has no duration`);
      if (duration.values?.includes(seconds)) params[duration.name] = seconds;
      else offEnumSeconds = seconds;
    } else {
      const param = model.params.find((p) => p.values?.some((v) => String(v).toLowerCase() === phrase.toLowerCase()));
      if (!param) throw new Error(`${model.id}: cannot read "${phrase}"`);
      params[param.name] = param.values!.find((v) => String(v).toLowerCase() === phrase.toLowerCase());
    }
  }
  return { params, ...(offEnumSeconds !== undefined ? { offEnumSeconds } : {}) };
}

/**
 * The engine's cost in dollars for a request. A duration outside the model's enum (Seedance 1.0
 * prints a 15 s figure but allows at most 12 s) is priced through the price rule directly on the
 * otherwise normalized params.
 */
function costUsd(modelId: string, phrases: readonly string[], extra: Record<string, unknown> = {}): { usd: number; params: Params } {
  const model = modelOf(modelId);
  const { params, offEnumSeconds } = interpret(model, phrases);
  const normalized = engine.normalize({ model: modelId, params: { ...params, ...extra } });
  if (!normalized.ok) throw new Error(`${modelId} ${phrases.join(", ")}: ${JSON.stringify(normalized.error)}`);
  const { profile } = normalized.value;
  let priced: Params = normalized.value.params;
  if (offEnumSeconds !== undefined) priced = { ...priced, [profile.duration!.name]: offEnumSeconds };
  return { usd: microsToUsd(engine.price(profile, priced)), params: priced };
}

interface Figure {
  readonly title: string;
  readonly model: string;
  readonly phrases: readonly string[];
  readonly printed: Printed;
  /** Params the figure implies beyond its phrases (quantity 1 for "per 1024×1024 image"). */
  readonly extra?: Record<string, unknown>;
}

// --- "Cost Calculation" table -------------------------------------------------------------

function costCalculationTable(): Figure[] {
  const section = SPEC_TEXT.split(/^## /m).find((s) => s.startsWith("Cost Calculation"));
  if (!section) throw new Error("spec lacks the Cost Calculation section");
  const rows = section.split("\n").filter((l) => l.startsWith("|") && !/^\|(\s*-+\s*\|)+$/.test(l.trim()));
  return rows.slice(1).map((line) => {
    const [name, parameters, cost] = line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
    const model = DISPLAY_NAMES[name!];
    if (!model) throw new Error(`unknown display name ${name}`);
    return { title: `${name}, ${parameters} costs ${cost}`, model, phrases: parameters!.split(","), printed: readPrinted(cost!) };
  });
}

// --- "Example costs" list (Daily Budget) ---------------------------------------------------

function exampleCostsList(): Figure[] {
  const section = SPEC_TEXT.split(/^## /m).find((s) => s.startsWith("Daily Budget"));
  if (!section) throw new Error("spec lacks the Daily Budget section");
  const figures: Figure[] = [];
  for (const line of section.split("\n")) {
    const m = /^- (.+?) \((.+)\): (~\$[\d.]+)$/.exec(line.trim());
    if (!m) continue;
    const model = DISPLAY_NAMES[m[1]!];
    if (!model) throw new Error(`unknown display name ${m[1]}`);
    figures.push({ title: `${m[1]} (${m[2]}) costs ${m[3]}`, model, phrases: m[2]!.split(","), printed: readPrinted(m[3]!) });
  }
  return figures;
}

// --- each model's "Cost:" line --------------------------------------------------------------

function costLineFigures(model: ModelSpec): Figure[] {
  const summary = model.costSummary;
  let m: RegExpExecArray | null;
  if ((m = /^(~\$[\d.]+) per generation$/.exec(summary))) {
    return [{ title: `${model.id} at all defaults costs ${summary}`, model: model.id, phrases: [], printed: readPrinted(m[1]!) }];
  }
  if ((m = /^(~\$[\d.]+) per 1024×1024 image( \(min (\$[\d.]+)\))?$/.exec(summary))) {
    // At 1024×1024, quantity 1, other params default (models without a size param price one image).
    const phrases = model.params.some((p) => p.name === "width") ? ["1024×1024"] : [];
    const extra = model.params.some((p) => p.name === "quantity") ? { quantity: 1 } : {};
    return [{ title: `${model.id} costs ${m[1]} per 1024×1024 image`, model: model.id, phrases, printed: readPrinted(m[1]!), extra }];
  }
  if ((m = /^(~\$[\d.]+)\/(\d+p) (\d+s), (~\$[\d.]+)\/(\d+p) (\d+s) \(pixel×duration based\)$/.exec(summary))) {
    return [
      { title: `${model.id} costs ${m[1]} at ${m[2]} ${m[3]}`, model: model.id, phrases: [m[2]!, m[3]!], printed: readPrinted(m[1]!) },
      { title: `${model.id} costs ${m[4]} at ${m[5]} ${m[6]}`, model: model.id, phrases: [m[5]!, m[6]!], printed: readPrinted(m[4]!) },
    ];
  }
  throw new Error(`${model.id}: unrecognised cost line "${summary}"`);
}

const table = costCalculationTable();
const list = exampleCostsList();
const costLines = catalog.flatMap(costLineFigures);

const expectPrinted = (figure: Figure) => {
  const { usd } = costUsd(figure.model, figure.phrases, figure.extra);
  expect(roundUsd(usd, figure.printed.decimals)).toBe(figure.printed.usd);
};

describe("the Cost Calculation table", () => {
  it("has the eight rows the spec prints", () => {
    expect(table).toHaveLength(8);
  });

  it.each(table.map((f) => [f.title, f] as const))("%s, at the printed precision", (_title, figure) => {
    expectPrinted(figure);
  });
});

describe("the Example costs list (Daily Budget)", () => {
  it("has the seven lines the spec prints", () => {
    expect(list).toHaveLength(7);
  });

  it.each(list.map((f) => [f.title, f] as const))("%s, at the printed precision", (_title, figure) => {
    expectPrinted(figure);
  });
});

describe("each model's Cost line", () => {
  it("covers all 53 models (four print two figures)", () => {
    expect(new Set(costLines.map((f) => f.model)).size).toBe(53);
    expect(costLines).toHaveLength(57);
  });

  it.each(costLines.map((f) => [f.title, f] as const))("%s, at the printed precision", (_title, figure) => {
    expectPrinted(figure);
  });

  it("prices the cheapest request of a '(min $0.00)' model at $0.00", () => {
    for (const model of catalog.filter((m) => /\(min \$0\.00\)/.test(m.costSummary))) {
      const width = model.params.find((p) => p.name === "width")!;
      const height = model.params.find((p) => p.name === "height")!;
      const quote = engine.quote(
        { model: model.id, params: { ...requiredPlaceholders(model), width: width.min, height: height.min, quantity: 1 } },
        100_000_000,
      );
      expect(quote.ok).toBe(true);
      if (quote.ok) expect(roundUsd(microsToUsd(quote.value.cost), 2), model.id).toBe(0);
    }
  });
});

describe("per-model figures the brief singles out", () => {
  it("prices seedance-2.0-fast at ~$0.40 for 720p 4s", () => {
    expect(roundUsd(costUsd("seedance-2.0-fast", ["720p", "4s"]).usd, 2)).toBe(0.4);
  });

  it("prices Hailuo '720p' as its 768p option", () => {
    expect(costUsd("hailuo-2_3", ["720p", "6s"]).params.resolution).toBe("768p");
  });

  it("prices Seedance 1.0 at 720p as ByteDance's 1248×704 and 15 s past its 12 s enum", () => {
    const { params } = costUsd("seedance-1.0-pro", ["720p", "15s"]);
    expect([params.width, params.height, params.duration]).toEqual([1248, 704, 15]);
  });
});
