import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider, ProviderJob, ProviderStatus } from "../../../src/services/ports/provider.ts";
import { createSimulatedProvider } from "../../../src/adapters/providers/simulated-provider.ts";
import { createUpstreamProvider } from "../../../src/adapters/providers/upstream-provider.ts";
import { startGateway, type TestGateway } from "../../support/gateway.ts";

/**
 * One contract for both provider adapters: the simulation, and the upstream HTTP provider driving
 * a real GateAI-compatible API (here: another gateway on localhost, itself simulating).
 */
interface Subject {
  readonly provider: Provider;
  /** Upstream tasks created so far (null when there is no upstream). */
  upstreamTasks(): Promise<number | null>;
}

let upstream: TestGateway;
beforeAll(async () => {
  upstream = await startGateway({ env: { GATEAI_TIME_SCALE: "2000" } });
}, 60_000);
afterAll(async () => upstream?.close());

const subjects: { name: string; make: () => Promise<Subject> }[] = [
  {
    name: "simulated",
    make: async () => ({ provider: createSimulatedProvider({ timeScale: 2000, failureRate: 0, stallRate: 0 }), upstreamTasks: async () => null }),
  },
  {
    name: "upstream HTTP",
    make: async () => {
      // Two accounts, two keys: each has the upstream's own limits (5 in flight, 5 per 30 s).
      const keys = await Promise.all([upstream.createKey(), upstream.createKey(), upstream.createKey()]);
      return {
        provider: createUpstreamProvider({ baseUrl: upstream.url, apiKeys: keys.map((k) => k.key) }),
        upstreamTasks: () => upstream.prisma.task.count({ where: { keyId: { in: keys.map((k) => k.record.id) } } }),
      };
    },
  },
];

let counter = 0;
const job = (model: string, output: ProviderJob["output"], params: Record<string, unknown>, account = 1): ProviderJob => ({
  taskId: `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
  model,
  output,
  params,
  attempt: 1,
  account,
  startedAt: Date.now(),
});

/** Polls until the attempt ends (real time: the simulation runs 2000× faster than the spec's clocks). */
async function settle(provider: Provider, j: ProviderJob, seen: ProviderStatus[] = []): Promise<ProviderStatus> {
  for (let i = 0; i < 400; i++) {
    const status = await provider.poll(j, Date.now());
    seen.push(status);
    if (status.state !== "running") return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the attempt never ended");
}

describe.each(subjects)("the $name provider", ({ make }) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await make();
  });

  it("reports progress between 0 and 1 while running, then finishes with one PNG per requested image", async () => {
    const seen: ProviderStatus[] = [];
    const status = await settle(subject.provider, job("gpt-image-2", "image", { prompt: "a lighthouse", width: 1024, height: 1024, quality: "low", quantity: 2 }), seen);
    for (const s of seen) if (s.state === "running") expect(s.progress).toBeGreaterThanOrEqual(0), expect(s.progress).toBeLessThan(1);
    expect(status.state).toBe("finished");
    if (status.state !== "finished") return;
    expect(status.result).toHaveLength(2);
    for (const name of status.result) {
      const file = status.files.find((f) => f.name === name)!;
      expect(file.mediaType).toBe("image/png");
      expect(Buffer.from(file.data.subarray(1, 4)).toString()).toBe("PNG");
    }
    expect(status.glb).toEqual([]);
  });

  it("finishes a 3D job with a JPG preview in result and the .glb of the same name in glb", async () => {
    const status = await settle(subject.provider, job("rodin-v2", "3d", { quality: "low", material: "All", mesh_mode: "Triangle" }, 2));
    expect(status.state).toBe("finished");
    if (status.state !== "finished") return;
    expect(status.result.map((n) => n.replace(/\.jpg$/, ".glb"))).toEqual(status.glb);
    const glb = status.files.find((f) => f.name === status.glb[0])!;
    expect(Buffer.from(glb.data.subarray(0, 4)).toString()).toBe("glTF");
  });

  it("answers a repeated poll of a finished attempt with the same outputs, and starts only one upstream generation per attempt", async () => {
    const before = await subject.upstreamTasks();
    const j = job("flux-schnell", "image", { prompt: "same twice", width: 512, height: 512, quantity: 1 }, 3);
    const first = await settle(subject.provider, j);
    const second = await subject.provider.poll(j, Date.now());
    expect(second.state).toBe("finished");
    if (first.state !== "finished" || second.state !== "finished") return;
    expect(second.result).toEqual(first.result);
    expect(Buffer.from(second.files[0]!.data).equals(Buffer.from(first.files[0]!.data))).toBe(true);
    const after = await subject.upstreamTasks();
    if (before !== null) expect(after! - before).toBe(1);
  });
});
