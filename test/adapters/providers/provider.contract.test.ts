import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider, ProviderJob, ProviderStatus } from "../../../src/services/ports/provider.ts";
import { createSimulatedProvider } from "../../../src/adapters/providers/simulated-provider.ts";
import { createUpstreamProvider } from "../../../src/adapters/providers/upstream-provider.ts";
import { createFalProvider } from "../../../src/adapters/providers/fal-provider.ts";
import { createReplicateProvider } from "../../../src/adapters/providers/replicate-provider.ts";
import { createOpenAIProvider } from "../../../src/adapters/providers/openai-provider.ts";
import { startGateway, type TestGateway } from "../../support/gateway.ts";
import { startFakeFal, type FakeFal } from "../../fakes/fal.ts";
import { startFakeReplicate, type FakeReplicate } from "../../fakes/replicate.ts";
import { withFilesRead } from "./support/read-result.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../../fakes/openai.ts";
import { startServer, type FakeServer } from "../../fakes/http.ts";

/**
 * One contract for every provider adapter: the simulation, the upstream HTTP provider driving a
 * real GateAI-compatible API (here: another gateway on localhost, itself simulating), and the
 * vendor adapters driving fakes that follow each vendor's documented protocol (test/fakes).
 * Each subject names the catalog models it runs: a vendor runs only the models routed to it.
 */
interface Subject {
  readonly provider: Provider;
  /** Upstream tasks created so far (null when there is no upstream). */
  upstreamTasks(): Promise<number | null>;
}

/** The models a subject is tested with: two images, a second image model, and a 3D model when it makes them. */
interface Models {
  readonly image: { model: string; params: Record<string, unknown> };
  readonly again: string;
  readonly threeD?: string;
}

const SIMULATION_MODELS: Models = {
  image: { model: "gpt-image-2", params: { prompt: "a lighthouse", width: 1024, height: 1024, quality: "low", quantity: 2, output_format: "png" } },
  again: "flux-schnell",
  threeD: "rodin-v2",
};

let upstream: TestGateway;
let fal: FakeFal;
let replicate: FakeReplicate;
let openai: FakeOpenAI;
beforeAll(async () => {
  [upstream, fal, replicate, openai] = await Promise.all([
    startGateway({ env: { GATEAI_TIME_SCALE: "2000" } }),
    startFakeFal({ keys: ["fal-key-1", "fal-key-2", "fal-key-3"] }),
    startFakeReplicate({ tokens: ["r8_token_1", "r8_token_2", "r8_token_3"] }),
    startFakeOpenAI({ keys: ["sk-one", "sk-two", "sk-three"] }),
  ]);
}, 60_000);
afterAll(async () => Promise.all([upstream?.close(), fal?.close(), replicate?.close(), openai?.close()]));

const subjects: { name: string; models: Models; make: () => Promise<Subject> }[] = [
  {
    name: "simulated",
    models: SIMULATION_MODELS,
    make: async () => ({ provider: createSimulatedProvider({ timeScale: 2000, failureRate: 0, stallRate: 0 }), upstreamTasks: async () => null }),
  },
  {
    name: "upstream HTTP",
    models: SIMULATION_MODELS,
    make: async () => {
      // Two accounts, two keys: each has the upstream's own limits (5 in flight, 5 per 30 s).
      const keys = await Promise.all([upstream.createKey(), upstream.createKey(), upstream.createKey()]);
      return {
        provider: createUpstreamProvider({ baseUrl: upstream.url, apiKeys: keys.map((k) => k.key) }),
        upstreamTasks: () => upstream.prisma.task.count({ where: { keyId: { in: keys.map((k) => k.record.id) } } }),
      };
    },
  },
  {
    name: "fal queue",
    models: { image: { model: "flux-schnell", params: { prompt: "a lighthouse", width: 1024, height: 1024, quantity: 2 } }, again: "flux-dev", threeD: "rodin-v2" },
    make: async () => ({
      provider: createFalProvider({ baseUrl: fal.url, keys: ["fal-key-1", "fal-key-2", "fal-key-3"] }),
      upstreamTasks: async () => fal.requests.size,
    }),
  },
  {
    name: "Replicate predictions",
    models: { image: { model: "flux-schnell", params: { prompt: "a lighthouse", width: 1024, height: 1024, quantity: 2 } }, again: "flux-dev" },
    make: async () => ({
      provider: createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token_1", "r8_token_2", "r8_token_3"] }),
      upstreamTasks: async () => replicate.predictions.size,
    }),
  },
  {
    name: "OpenAI images",
    models: { image: { model: "gpt-image-1", params: { prompt: "a lighthouse", width: 1024, height: 1024, quality: "low", quantity: 2 } }, again: "gpt-image-1.5" },
    make: async () => ({
      provider: createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-one", "sk-two", "sk-three"] }),
      upstreamTasks: async () => openai.calls.generate,
    }),
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

/**
 * Polls until the attempt ends (real time: the simulation runs 2000× faster than the spec's
 * clocks), keeping the vendor handle a running status gives, as the driver stores it; the
 * finished files read into memory.
 */
async function settle(provider: Provider, j: ProviderJob, seen: ProviderStatus[] = []): Promise<ProviderStatus> {
  let job = j;
  for (let i = 0; i < 400; i++) {
    const status = await withFilesRead(await provider.poll(job, Date.now()));
    seen.push(status);
    if (status.state !== "running") return status;
    if (status.upstream !== undefined) job = { ...job, upstream: status.upstream };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the attempt never ended");
}

/** The job as the driver passes it once the attempt's handle is stored. */
async function submitted(provider: Provider, j: ProviderJob): Promise<ProviderJob> {
  const first = await provider.poll(j, Date.now());
  return first.state === "running" && first.upstream !== undefined ? { ...j, upstream: first.upstream } : j;
}

describe.each(subjects)("the $name provider", ({ make, models }) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await make();
  });

  it("reports progress between 0 and 1 while running, then finishes with one PNG per requested image", async () => {
    const seen: ProviderStatus[] = [];
    const status = await settle(subject.provider, job(models.image.model, "image", models.image.params), seen);
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

  // Vendors make no preview image: their result names the model itself.
  it.skipIf(!models.threeD)("finishes a 3D job with a JPG preview (or the model itself) in result and the .glb of the same name in glb", async () => {
    const status = await settle(subject.provider, job(models.threeD!, "3d", { quality: "low", material: "All", mesh_mode: "Triangle" }, 2));
    expect(status.state).toBe("finished");
    if (status.state !== "finished") return;
    expect(status.result.map((n) => n.replace(/\.jpg$/, ".glb"))).toEqual(status.glb);
    const glb = status.files.find((f) => f.name === status.glb[0])!;
    expect(Buffer.from(glb.data.subarray(0, 4)).toString()).toBe("glTF");
  });

  it("answers a repeated poll of a finished attempt with the same outputs, and starts only one upstream generation per attempt", async () => {
    const before = await subject.upstreamTasks();
    const j = await submitted(subject.provider, job(models.again, "image", { prompt: "same twice", width: 512, height: 512, quantity: 1 }, 3));
    const first = await settle(subject.provider, j);
    const second = await withFilesRead(await subject.provider.poll(j, Date.now()));
    expect(second.state).toBe("finished");
    if (first.state !== "finished" || second.state !== "finished") return;
    expect(second.result).toEqual(first.result);
    expect(Buffer.from(second.files[0]!.data).equals(Buffer.from(first.files[0]!.data))).toBe(true);
    const after = await subject.upstreamTasks();
    if (before !== null) expect(after! - before).toBe(1);
  });
});

/** A request the recording proxy passed on to the upstream. */
interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * A GateAI-compatible upstream that records every request: a proxy in front of the upstream
 * gateway, passing each request on as it came (its Host too, so the result URLs the upstream
 * answers point back through the proxy).
 */
async function recordingUpstream(target: string): Promise<FakeServer & { readonly requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const { hostname, port } = new URL(target);
  const server = await startServer(
    (req, res, body, url) =>
      new Promise<void>((resolve, reject) => {
        requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers });
        const forwarded = httpRequest({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", resolve);
          answer.on("error", reject);
        });
        forwarded.on("error", reject);
        forwarded.end(body);
      }),
  );
  return Object.assign(server, { requests });
}

describe("the upstream HTTP provider, polling one attempt several times", () => {
  let proxy: Awaited<ReturnType<typeof recordingUpstream>>;
  beforeAll(async () => {
    proxy = await recordingUpstream(upstream.url);
  });
  afterAll(async () => proxy?.close());

  it("POSTs /api/generate once for the attempt, and asks GET /get/{id} of the task it created at every later poll", async () => {
    const { key } = await upstream.createKey();
    const provider = createUpstreamProvider({ baseUrl: proxy.url, apiKeys: [key] });
    const j = job("flux-schnell", "image", { prompt: "counted", width: 512, height: 512, quantity: 1 });
    const first = await provider.poll(j, Date.now());
    expect(first).toMatchObject({ state: "running" });
    if (first.state !== "running" || first.upstream === undefined) throw new Error("the first poll gave no upstream task id");
    const id = first.upstream;
    const held = { ...j, upstream: id };
    // Polls with the stored task id until it finishes, then twice more (a repeated read of a finished attempt).
    let later = 0;
    let state = "running";
    while (state === "running" && later < 400) {
      state = (await provider.poll(held, Date.now())).state;
      later++;
      if (state === "running") await new Promise((r) => setTimeout(r, 25));
    }
    expect(state).toBe("finished");
    for (let i = 0; i < 2; i++, later++) expect((await provider.poll(held, Date.now())).state).toBe("finished");

    const posts = proxy.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.path)).toEqual(["/api/generate"]);
    expect(posts[0]!.headers["idempotency-key"]).toBe(`${j.taskId}:${j.attempt}`);
    const reads = proxy.requests.filter((r) => r.method === "GET" && r.path.startsWith("/get/"));
    expect(reads.map((r) => r.path)).toEqual(Array.from({ length: later }, () => `/get/${id}`));
    // Nothing else was asked of the upstream (the finished polls' files were not read).
    expect(proxy.requests).toHaveLength(1 + later);
  });
});
