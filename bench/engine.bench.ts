/**
 * Engine throughput on one core (Node runs the loop on one thread): `npx tsx bench/engine.bench.ts`.
 *
 * (a) estimates/s: `engine.quote(request, $100)` over a mixed workload of a few thousand realistic
 *     requests across all 53 models (the spec's examples with varied params, some needing snapping);
 * (b) budget fits/s: the same requests quoted against a remaining budget below their cost, so the
 *     downgrade search runs every time.
 *
 * Not a test: it prints a table and whether each target is met. Options: `--seconds=N` per
 * measurement (default 2), `--requests=N` (default 4000).
 */
import { catalog } from "../src/catalog/index.ts";
import type { ModelSpec, ParamSpec } from "../src/catalog/types.ts";
import { createEngine, type GenerationRequest } from "../src/engine/engine.ts";
import { usdToMicros } from "../src/kernel/money.ts";
import { simulationBench } from "./simulation.bench.ts";

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const SECONDS = arg("seconds", 2);
const REQUESTS = arg("requests", 4000);
const WARMUP_SECONDS = 0.5;
const TARGETS = { estimates: 250_000, fits: 50_000 };

/** A small seeded generator (mulberry32), so every run measures the same workload. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20240601);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const chance = (p: number) => rnd() < p;

const PROMPTS = [
  "A serene mountain lake at sunrise",
  "A cat stretches and walks away",
  "Neon city street in the rain, cinematic",
  "Macro shot of a dew drop on a leaf",
  "An astronaut riding a horse on Mars, photorealistic, 35mm",
];

/** One realistic variation of a model's example request. */
function variant(model: ModelSpec): GenerationRequest {
  const params: Record<string, unknown> = { ...model.example.params };
  const param = (name: string): ParamSpec | undefined => model.params.find((p) => p.name === name);
  if (param("prompt") || "prompt" in params) params.prompt = pick(PROMPTS);
  for (const p of model.params) if (p.required && p.type === "reference" && params[p.name] === undefined) params[p.name] = "https://example.com/start.jpg";

  const width = param("width");
  const height = param("height");
  if (width && height && chance(0.6)) {
    if (model.resolutions && chance(0.5)) {
      const r = pick(model.resolutions);
      params.width = r.width;
      params.height = r.height;
    } else {
      // Anywhere between 480 and 2,200 pixels a side: most need snapping.
      params.width = 480 + Math.floor(rnd() * 1720);
      params.height = 480 + Math.floor(rnd() * 1720);
    }
  }
  for (const p of model.params) {
    if (p.type !== "enum" || p.name === "width" || p.name === "height" || !chance(0.5)) continue;
    const values = p.values!;
    if (values.every((v) => typeof v === "number") && chance(0.3)) {
      const lo = Math.min(...(values as number[]));
      const hi = Math.max(...(values as number[]));
      params[p.name] = lo + Math.floor(rnd() * (hi - lo + 1)) + 0.5; // off the enum: snapped to the nearest
    } else {
      params[p.name] = pick(values);
    }
  }
  const quantity = param("quantity");
  if (quantity && (quantity.max ?? 1) > 1 && chance(0.5)) params.quantity = 1 + Math.floor(rnd() * Math.min(8, quantity.max ?? 8));
  return { model: model.id, params };
}

const engine = createEngine();
const BUDGET = usdToMicros(100);

function workload(): GenerationRequest[] {
  const requests: GenerationRequest[] = [];
  const perModel = Math.ceil(REQUESTS / catalog.length);
  for (const model of catalog) {
    let made = 0;
    for (let tries = 0; made < perModel && tries < perModel * 20; tries++) {
      const request = variant(model);
      if (!engine.quote(request, BUDGET).ok) continue; // keep only what the engine accepts (rule clashes are rare)
      requests.push(request);
      made++;
    }
  }
  // Interleave models, as real traffic would.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [requests[i], requests[j]] = [requests[j]!, requests[i]!];
  }
  return requests;
}

interface Measurement {
  readonly ops: number;
  readonly seconds: number;
  readonly checksum: number;
}

/** Calls `run(i)` round-robin over `count` inputs for `seconds`, checking the clock every 256 calls. */
function measure(count: number, seconds: number, run: (i: number) => number): Measurement {
  let ops = 0;
  let checksum = 0;
  let i = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  for (;;) {
    for (let k = 0; k < 256; k++) {
      checksum = (checksum + run(i)) | 0;
      if (++i === count) i = 0;
    }
    ops += 256;
    if (process.hrtime.bigint() - start >= limit) break;
  }
  return { ops, seconds: Number(process.hrtime.bigint() - start) / 1e9, checksum };
}

const requests = workload();
const snapped = requests.filter((r) => {
  const q = engine.quote(r, BUDGET);
  return q.ok && q.value.adjustments.length > 0;
}).length;

// (a) estimates: quote within $100.
const estimate = (i: number) => {
  const q = engine.quote(requests[i]!, BUDGET);
  return q.ok ? q.value.cost : -1;
};

// (b) over-budget fits: a remaining budget between 15% and 95% of the request's own cost.
const overBudget: { request: GenerationRequest; remaining: number }[] = [];
for (const request of requests) {
  const q = engine.quote(request, BUDGET);
  if (!q.ok || q.value.cost < 2) continue;
  overBudget.push({ request, remaining: Math.floor(q.value.cost * (0.15 + rnd() * 0.8)) });
}
const fit = (i: number) => {
  const { request, remaining } = overBudget[i]!;
  const q = engine.quote(request, remaining);
  return q.ok ? q.value.cost : q.error.code.length;
};
const downgraded = overBudget.filter(({ request, remaining }) => {
  const q = engine.quote(request, remaining);
  return q.ok && q.value.cost < q.value.requestedCost;
}).length;

measure(requests.length, WARMUP_SECONDS, estimate);
const a = measure(requests.length, SECONDS, estimate);
measure(overBudget.length, WARMUP_SECONDS, fit);
const b = measure(overBudget.length, SECONDS, fit);

const rate = (m: Measurement) => m.ops / m.seconds;
const rows = [
  ["estimates/s (quote within $100)", rate(a), TARGETS.estimates],
  ["over-budget fits/s (downgrade search)", rate(b), TARGETS.fits],
] as const;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

console.log(`engine bench — node ${process.version}, one thread, ${SECONDS}s per measurement after ${WARMUP_SECONDS}s warm-up`);
console.log(
  `workload: ${requests.length} requests over ${new Set(requests.map((r) => r.model)).size} models, ${snapped} normalized with adjustments; ` +
    `${overBudget.length} over-budget quotes (${downgraded} downgraded, ${overBudget.length - downgraded} INSUFFICIENT_BUDGET)`,
);
console.log("");
console.log(`${"measurement".padEnd(40)} ${"ops/s".padStart(12)} ${"target".padStart(10)}  met`);
for (const [name, value, target] of rows) {
  console.log(`${name.padEnd(40)} ${fmt(value).padStart(12)} ${fmt(target).padStart(10)}  ${value >= target ? "yes" : "NO"}`);
}
console.log(`(checksums ${a.checksum} ${b.checksum})`);

// Workload simulation, against the engine's estimates timed in the same run (bench/simulation.bench.ts).
await simulationBench(engine, requests);
