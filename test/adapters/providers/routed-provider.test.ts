// The routed provider's status-read gap is that of the vendor a job runs on (or is held by): the
// vendors whose reads are requests to them (fal, Replicate, a GateAI-compatible upstream) ask for
// STATUS_READ_GAP_MS between two reads; a synchronous call this process holds (OpenAI) and the
// simulation ask for none. A vendor's notice (a verified webhook: its name and request id) is
// about the attempt that vendor holds under that id, and may be about any of its submits whose
// handle is not known yet.
import { describe, expect, it } from "vitest";
import { createFalProvider } from "../../../src/adapters/providers/fal-provider.ts";
import { createOpenAIProvider } from "../../../src/adapters/providers/openai-provider.ts";
import { createReplicateProvider } from "../../../src/adapters/providers/replicate-provider.ts";
import { createRoutedProvider } from "../../../src/adapters/providers/routed-provider.ts";
import { createUpstreamProvider } from "../../../src/adapters/providers/upstream-provider.ts";
import { STATUS_READ_GAP_MS } from "../../../src/adapters/providers/vendor-http.ts";
import type { Provider, ProviderJob } from "../../../src/services/ports/provider.ts";

// Nothing here is sent: the addresses are never called.
const fal = createFalProvider({ baseUrl: "http://127.0.0.1:9", keys: ["fal-key"] });
const replicate = createReplicateProvider({ tokens: ["r8-token"], baseUrl: "http://127.0.0.1:9" });
const openai = createOpenAIProvider({ keys: ["sk-openai"], baseUrl: "http://127.0.0.1:9" });
const simulation: Provider = { poll: async () => ({ state: "running", progress: 0 }) };

const job = (model: string, upstream?: string): ProviderJob =>
  Object.assign(
    { taskId: "00000000-0000-4000-9100-000000000001", model, output: "image" as const, params: {}, attempt: 1, account: 1, startedAt: 0 },
    upstream ? { upstream } : {},
  );

describe("status-read gaps", () => {
  it("each vendor whose status read is a request to it asks for STATUS_READ_GAP_MS", () => {
    const upstream = createUpstreamProvider({ baseUrl: "http://127.0.0.1:9", apiKeys: ["sk-upstream"] });
    for (const provider of [fal, replicate, upstream]) expect(provider.statusReadGapMs?.(job("flux-schnell", "a-request-id"))).toBe(STATUS_READ_GAP_MS);
    expect(openai.statusReadGapMs).toBeUndefined();
  });

  it("a routed job has the gap of the vendor its model runs on, or of the vendor that holds its attempt", () => {
    const routed = createRoutedProvider({ vendors: { fal, replicate, openai }, fallback: simulation });
    expect(routed.statusReadGapMs?.(job("kling-2.5"))).toBe(STATUS_READ_GAP_MS);
    expect(routed.statusReadGapMs?.(job("seedance-2.0"))).toBe(STATUS_READ_GAP_MS);
    expect(routed.statusReadGapMs?.(job("gpt-image-2"))).toBe(0);
    // Held by Replicate although fal comes first for the model now (the configuration changed).
    expect(routed.statusReadGapMs?.(job("flux-schnell", "replicate|p-123"))).toBe(STATUS_READ_GAP_MS);
  });

  it("a job on the simulation, or on a vendor no longer configured, has none", () => {
    const routed = createRoutedProvider({ vendors: { fal }, fallback: simulation });
    expect(routed.statusReadGapMs?.(job("gpt-image-2"))).toBe(0);
    expect(routed.statusReadGapMs?.(job("gpt-image-2", "sim|x"))).toBe(0);
    expect(routed.statusReadGapMs?.(job("seedance-2.0", "replicate|p-123"))).toBe(0);
  });
});

describe("vendor notices", () => {
  const routed = createRoutedProvider({ vendors: { fal, replicate, openai }, fallback: simulation });

  it("a notice names the attempt its vendor holds under its request id", () => {
    expect(routed.isAttemptOf?.(job("flux-schnell", "fal|fal-ai/flux/schnell#req-1"), { vendor: "fal", requestId: "req-1" })).toBe(true);
    expect(routed.isAttemptOf?.(job("seedance-2.0", "replicate|p-1"), { vendor: "replicate", requestId: "p-1" })).toBe(true);
  });

  it("and no attempt of another vendor or another request", () => {
    expect(routed.isAttemptOf?.(job("flux-schnell", "fal|fal-ai/flux/schnell#req-1"), { vendor: "fal", requestId: "req-2" })).toBe(false);
    expect(routed.isAttemptOf?.(job("flux-schnell", "fal|fal-ai/flux/schnell#req-1"), { vendor: "replicate", requestId: "req-1" })).toBe(false);
    expect(routed.isAttemptOf?.(job("flux-schnell", "replicate|req-1"), { vendor: "fal", requestId: "req-1" })).toBe(false);
    expect(routed.isAttemptOf?.(job("gpt-image-2", "sim|req-1"), { vendor: "fal", requestId: "req-1" })).toBe(false);
  });

  it("a job with no handle yet (its submit in flight) may be any request of the vendor it is sent to", () => {
    expect(routed.isAttemptOf?.(job("flux-schnell"), { vendor: "fal", requestId: "req-1" })).toBe(true);
    expect(routed.isAttemptOf?.(job("flux-schnell"), { vendor: "replicate", requestId: "req-1" })).toBe(false);
    expect(routed.isAttemptOf?.(job("gpt-image-2"), { vendor: "fal", requestId: "req-1" })).toBe(false);
  });
});
