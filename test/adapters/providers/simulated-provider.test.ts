import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "../../../src/catalog/index.ts";
import type { ProviderJob, ProviderOutput, ProviderStatus } from "../../../src/services/ports/provider.ts";
import {
  LATENCY_SECONDS,
  SIMULATED_FAILURE,
  STALL_PROGRESS_CAP,
  createSimulatedProvider,
  planAttempt,
  progressAt,
  type SimulatedProviderOptions,
} from "../../../src/adapters/providers/simulated-provider.ts";

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const OUTPUTS: readonly ProviderOutput[] = ["image", "video", "3d"];
const REAL_TIME: SimulatedProviderOptions = { timeScale: 1, failureRate: 0, stallRate: 0 };

/** Small params so finishing (rendering) is cheap. */
const SMALL_PARAMS: Readonly<Record<ProviderOutput, Readonly<Record<string, unknown>>>> = {
  image: { prompt: "a red fox in the snow", width: 48, height: 32, quantity: 2 },
  video: { prompt: "waves at dusk", width: 1280, height: 720, duration: 5 },
  "3d": { quality: "extra_low", bounding_box: [2, 1, 1] },
};
const MODEL: Readonly<Record<ProviderOutput, string>> = { image: "flux-dev", video: "kling-2.1-pro", "3d": "rodin-v2" };

function jobFor(output: ProviderOutput, taskId: string, overrides: Partial<ProviderJob> = {}): ProviderJob {
  return { taskId, model: MODEL[output], output, params: SMALL_PARAMS[output], attempt: 1, account: 1, startedAt: T0, ...overrides };
}

/** A status with file bytes replaced by their SHA-256, for fast deep comparison. */
function digestOf(status: ProviderStatus): unknown {
  if (status.state !== "finished") return status;
  return {
    ...status,
    files: status.files.map((f) => ({ name: f.name, mediaType: f.mediaType, size: f.data.length, sha256: createHash("sha256").update(f.data).digest("hex") })),
  };
}

function range(output: ProviderOutput, timeScale: number): [number, number] {
  const [min, max] = LATENCY_SECONDS[output];
  return [(min * 1000) / timeScale, (max * 1000) / timeScale];
}

const taskIds = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }));
const outputs = fc.constantFrom(...OUTPUTS);

describe("simulated provider: timing", () => {
  it("uses the spec's latency ranges", () => {
    expect(LATENCY_SECONDS).toEqual({ image: [10, 30], video: [60, 300], "3d": [30, 120] });
  });

  it("is deterministic: the same job and time give the same status, across provider instances", async () => {
    for (const output of OUTPUTS) {
      const job = jobFor(output, `task-${output}`);
      const { latencyMs } = planAttempt(job, REAL_TIME);
      for (const now of [T0 - 5, T0, T0 + latencyMs / 3, T0 + latencyMs - 1, T0 + latencyMs, T0 + latencyMs * 4]) {
        const a = await createSimulatedProvider(REAL_TIME).poll(job, now);
        const b = await createSimulatedProvider(REAL_TIME).poll({ ...job, params: { ...job.params } }, now);
        expect(digestOf(b)).toEqual(digestOf(a));
      }
    }
  });

  it("does not depend on the account or the model's name for timing", () => {
    const job = jobFor("image", "acct");
    const elsewhere: ProviderJob = { ...job, account: 7, model: "flux-schnell" };
    expect(planAttempt(elsewhere, REAL_TIME)).toEqual(planAttempt(job, REAL_TIME));
  });

  it("draws latencies within the spec's range ÷ timeScale, spread over the whole range", () => {
    for (const timeScale of [1, 60, 0.5]) {
      for (const output of OUTPUTS) {
        const [lo, hi] = range(output, timeScale);
        const latencies = Array.from({ length: 2000 }, (_, i) => planAttempt(jobFor(output, `spread-${i}`), { ...REAL_TIME, timeScale }).latencyMs);
        for (const l of latencies) {
          expect(l).toBeGreaterThanOrEqual(lo);
          expect(l).toBeLessThan(hi);
        }
        const width = hi - lo;
        expect(Math.min(...latencies)).toBeLessThan(lo + 0.01 * width);
        expect(Math.max(...latencies)).toBeGreaterThan(hi - 0.01 * width);
        const mean = latencies.reduce((s, l) => s + l, 0) / latencies.length;
        expect(Math.abs(mean - (lo + hi) / 2)).toBeLessThan(0.03 * width);
      }
    }
  });

  it("gives each attempt an independent draw", () => {
    const options = { timeScale: 1, failureRate: 0.5, stallRate: 0 };
    let same = 0;
    let bothFail = 0;
    let firstFails = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const first = planAttempt(jobFor("video", `indep-${i}`), options);
      const second = planAttempt(jobFor("video", `indep-${i}`, { attempt: 2 }), options);
      if (first.latencyMs === second.latencyMs) same++;
      if (first.outcome === "fail") firstFails++;
      if (first.outcome === "fail" && second.outcome === "fail") bothFail++;
    }
    expect(same).toBe(0);
    expect(firstFails / n).toBeGreaterThan(0.45);
    expect(firstFails / n).toBeLessThan(0.55);
    expect(bothFail / n).toBeGreaterThan(0.2); // ≈ 0.25 when independent, ≈ 0.5 if correlated
    expect(bothFail / n).toBeLessThan(0.3);
  });

  it("property: finish time within range; running before it with 0 ≤ progress < 1, ended from it on", async () => {
    const options = { timeScale: 30, failureRate: 0, stallRate: 0 };
    const provider = createSimulatedProvider(options);
    await fc.assert(
      fc.asyncProperty(taskIds, outputs, fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 0.999, noNaN: true }), async (taskId, output, attempt, frac) => {
        const job = jobFor(output, taskId, { attempt });
        const { latencyMs, outcome } = planAttempt(job, options);
        expect(outcome).toBe("finish");
        const [lo, hi] = range(output, 30);
        expect(latencyMs).toBeGreaterThanOrEqual(lo);
        expect(latencyMs).toBeLessThan(hi);
        const before = await provider.poll(job, T0 + latencyMs * frac);
        expect(before.state).toBe("running");
        if (before.state === "running") {
          expect(before.progress).toBeGreaterThanOrEqual(0);
          expect(before.progress).toBeLessThan(1);
          expect(before.progress).toBeCloseTo(frac, 6);
        }
        // Finishing renders the files; tiny images keep the property fast (videos and 3D below).
        if (output === "image") {
          expect((await provider.poll(job, T0 + latencyMs)).state).toBe("finished");
          expect((await provider.poll(job, T0 + latencyMs * (1 + frac * 10))).state).toBe("finished");
        }
      }),
      { numRuns: 100 },
    );
    for (const output of ["video", "3d"] as const) {
      for (const taskId of ["a", "b"]) {
        const job = jobFor(output, `${output}-${taskId}`);
        const { latencyMs } = planAttempt(job, options);
        expect((await provider.poll(job, T0 + latencyMs - 1)).state).toBe("running");
        expect((await provider.poll(job, T0 + latencyMs)).state).toBe("finished");
      }
    }
  });

  it("property: progress never decreases in time", () => {
    fc.assert(
      fc.property(
        taskIds,
        outputs,
        fc.constantFrom<SimulatedProviderOptions>(REAL_TIME, { timeScale: 1, failureRate: 0, stallRate: 1 }),
        fc.array(fc.double({ min: -1e4, max: 1e7, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (taskId, output, options, times) => {
          const plan = planAttempt(jobFor(output, taskId), options);
          const sorted = [...times].sort((a, b) => a - b);
          let previous = -1;
          for (const t of sorted) {
            if (plan.outcome !== "stall" && t >= plan.latencyMs) break;
            const p = progressAt(plan, t);
            expect(p).toBeGreaterThanOrEqual(previous);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThan(1);
            previous = p;
          }
        },
      ),
    );
  });

  it("reports progress 0 before the attempt started", async () => {
    const status = await createSimulatedProvider(REAL_TIME).poll(jobFor("image", "early"), T0 - 60_000);
    expect(status).toEqual({ state: "running", progress: 0 });
  });

  it("times models by their output, not their section (lucid-origin is an image model listed under video)", () => {
    const lucid = catalog.find((m) => m.id === "lucid-origin");
    expect(lucid?.kind).toBe("video");
    expect(lucid?.output).toBe("image");
    for (const model of catalog) {
      const [lo, hi] = range(model.output, 1);
      for (let i = 0; i < 20; i++) {
        const { latencyMs } = planAttempt({ taskId: `${model.id}-${i}`, attempt: 1, output: model.output }, REAL_TIME);
        expect(latencyMs).toBeGreaterThanOrEqual(lo);
        expect(latencyMs).toBeLessThan(hi);
      }
    }
  });
});

describe("simulated provider: failures and stalls", () => {
  it("failureRate 1 fails every attempt at its latency, retryably", async () => {
    const options = { timeScale: 10, failureRate: 1, stallRate: 0 };
    const provider = createSimulatedProvider(options);
    for (let i = 0; i < 30; i++) {
      const job = jobFor(OUTPUTS[i % 3]!, `fail-${i}`, { attempt: 1 + (i % 4) });
      const { latencyMs } = planAttempt(job, options);
      expect((await provider.poll(job, T0 + latencyMs / 2)).state).toBe("running");
      const status = await provider.poll(job, T0 + latencyMs);
      expect(status).toEqual({ state: "failed", error: SIMULATED_FAILURE, retryable: true });
      expect(await provider.poll(job, T0 + latencyMs * 100)).toEqual(status);
    }
    expect(SIMULATED_FAILURE).toBe("Upstream generation failed (simulated)");
  });

  it("stallRate 1 never finishes, even at 10× the maximum latency", async () => {
    const options = { timeScale: 1, failureRate: 1, stallRate: 1 };
    const provider = createSimulatedProvider(options);
    for (let i = 0; i < 30; i++) {
      const output = OUTPUTS[i % 3]!;
      const job = jobFor(output, `stall-${i}`);
      const [, hi] = range(output, 1);
      let previous = 0;
      for (const t of [0, hi / 10, hi, 2 * hi, 10 * hi, 1000 * hi]) {
        const status = await provider.poll(job, T0 + t);
        expect(status.state).toBe("running");
        if (status.state !== "running") continue;
        expect(status.progress).toBeGreaterThanOrEqual(previous);
        expect(status.progress).toBeLessThan(STALL_PROGRESS_CAP + 1e-12);
        previous = status.progress;
      }
      expect(previous).toBeGreaterThan(0.9); // it does creep up
    }
  });

  it("rates 0 never fail or stall", () => {
    fc.assert(
      fc.property(taskIds, outputs, fc.integer({ min: 1, max: 100 }), (taskId, output, attempt) => {
        expect(planAttempt({ taskId, output, attempt }, REAL_TIME).outcome).toBe("finish");
      }),
      { numRuns: 2000 },
    );
  });

  it("fails and stalls at about the configured rates", () => {
    const options = { timeScale: 1, failureRate: 0.2, stallRate: 0.1 };
    const counts = { finish: 0, fail: 0, stall: 0 };
    const n = 4000;
    for (let i = 0; i < n; i++) counts[planAttempt({ taskId: `rate-${i}`, output: "image", attempt: 1 }, options).outcome]++;
    expect(counts.stall / n).toBeGreaterThan(0.08);
    expect(counts.stall / n).toBeLessThan(0.12);
    expect(counts.fail / n).toBeGreaterThan(0.9 * 0.2 - 0.03); // failures among non-stalled
    expect(counts.fail / n).toBeLessThan(0.9 * 0.2 + 0.03);
  });

  it("rejects invalid options and jobs (bugs, not provider failures)", async () => {
    expect(() => createSimulatedProvider({ timeScale: 0, failureRate: 0, stallRate: 0 })).toThrow(RangeError);
    expect(() => createSimulatedProvider({ timeScale: 1, failureRate: 1.5, stallRate: 0 })).toThrow(RangeError);
    expect(() => createSimulatedProvider({ timeScale: 1, failureRate: 0, stallRate: -0.1 })).toThrow(RangeError);
    const provider = createSimulatedProvider(REAL_TIME);
    await expect(provider.poll(jobFor("image", "x", { attempt: 0 }), T0)).rejects.toThrow(RangeError);
    await expect(provider.poll(jobFor("image", "x"), Number.NaN)).rejects.toThrow(RangeError);
  });
});

describe("simulated provider: finished outputs", () => {
  async function finish(job: ProviderJob): Promise<Extract<ProviderStatus, { state: "finished" }>> {
    const { latencyMs } = planAttempt(job, REAL_TIME);
    const status = await createSimulatedProvider(REAL_TIME).poll(job, T0 + latencyMs);
    if (status.state !== "finished") throw new Error(`expected finished, got ${status.state}`);
    return status;
  }

  it("images: one PNG per quantity, named model_-i.png", async () => {
    const status = await finish(jobFor("image", "img"));
    expect(status.result).toEqual(["flux-dev_-0.png", "flux-dev_-1.png"]);
    expect(status.glb).toEqual([]);
    expect(status.files.map((f) => [f.name, f.mediaType])).toEqual([
      ["flux-dev_-0.png", "image/png"],
      ["flux-dev_-1.png", "image/png"],
    ]);
    expect(Buffer.compare(status.files[0]!.data, status.files[1]!.data)).not.toBe(0); // each image of a batch differs
  });

  it("an image model listed under video renders PNGs", async () => {
    const status = await finish({ ...jobFor("image", "lucid"), model: "lucid-origin", params: { prompt: "x", width: 40, height: 40 } });
    expect(status.result).toEqual(["lucid-origin_-0.png"]);
  });

  it("videos: one GIF named model_-0.gif", async () => {
    const status = await finish(jobFor("video", "vid"));
    expect(status.result).toEqual(["kling-2.1-pro_-0.gif"]);
    expect(status.files.map((f) => f.mediaType)).toEqual(["image/gif"]);
    expect(String.fromCharCode(...status.files[0]!.data.subarray(0, 6))).toBe("GIF89a");
  });

  it("3D: a JPG preview in result and the GLB (same name, .glb) in glb", async () => {
    const status = await finish(jobFor("3d", "rodin"));
    expect(status.result).toEqual(["rodin-v2_-0.jpg"]);
    expect(status.glb).toEqual(["rodin-v2_-0.glb"]);
    expect(status.glb[0]).toBe(status.result[0]!.replace(/\.jpg$/, ".glb"));
    expect(status.files.map((f) => [f.name, f.mediaType])).toEqual([
      ["rodin-v2_-0.jpg", "image/jpeg"],
      ["rodin-v2_-0.glb", "model/gltf-binary"],
    ]);
  });

  it("renders the same bytes whatever the task, attempt or poll time", async () => {
    const a = await finish(jobFor("image", "one"));
    const job2 = jobFor("image", "two", { attempt: 3, startedAt: T0 });
    const { latencyMs } = planAttempt(job2, REAL_TIME);
    const b = await createSimulatedProvider(REAL_TIME).poll(job2, T0 + latencyMs * 7);
    expect(digestOf(b)).toEqual(digestOf(a));
  });
});
