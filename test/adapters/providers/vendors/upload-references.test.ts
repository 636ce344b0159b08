// The routed provider gives a vendor a URL it can fetch for every upload id among the references
// the vendor's route sends (a vendor fetches references itself and has no access to the gateway's
// file store); an upload it cannot get a URL for fails the attempt for good (refunded) before the
// vendor is asked; a resumed attempt is not resolved again (its vendor already has the input).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFalProvider } from "../../../../src/adapters/providers/fal-provider.ts";
import { createRoutedProvider } from "../../../../src/adapters/providers/routed-provider.ts";
import type { ProviderJob } from "../../../../src/services/ports/provider.ts";
import type { ReferenceUrls } from "../../../../src/services/ports/reference-urls.ts";
import { startFakeFal, type FakeFal } from "../../../fakes/fal.ts";

let fal: FakeFal;
beforeAll(async () => {
  fal = await startFakeFal({ keys: ["fal-key"] });
});
afterAll(async () => fal?.close());

const UPLOAD = "6f1c1c1e-8a44-4c4f-9d7a-2b0b1b9a0c11";
const KEY_ID = "key-1";

/** URLs for one known upload of one key, and a record of what was asked. */
const referenceUrls = (): ReferenceUrls & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    async uploadUrl(keyId, uploadId) {
      asked.push(`${keyId}/${uploadId}`);
      return keyId === KEY_ID && uploadId === UPLOAD ? `https://gateway.example/files/uploads/token-of-${uploadId}` : undefined;
    },
  };
};

let counter = 0;
const job = (params: Record<string, unknown>, extra: Partial<ProviderJob> = {}): ProviderJob =>
  Object.assign(
    {
      taskId: `00000000-0000-4000-9100-${String(++counter).padStart(12, "0")}`,
      model: "veo-3.1-fast-generate-001",
      keyId: KEY_ID,
      output: "video" as const,
      params: Object.assign({ mode: "RESOLUTION_720", width: 1280, height: 720, duration: 8 }, params),
      attempt: 1,
      account: 1,
      startedAt: Date.now(),
    },
    extra,
  );

const routed = (references?: ReferenceUrls) =>
  createRoutedProvider(Object.assign({ vendors: { fal: createFalProvider({ baseUrl: fal.url, keys: ["fal-key"] }) } }, references ? { references } : {}));

const received = (prompt: string) => [...fal.requests.values()].find((r) => r.input.prompt === prompt);

describe("upload references sent to a vendor", () => {
  it("the vendor receives the URL the reference resolver gives for the upload id, not the id", async () => {
    const urls = referenceUrls();
    const status = await routed(urls).poll(job({ prompt: "resolved", start_frame: UPLOAD }), Date.now());
    expect(status.state).toBe("running");
    const request = received("resolved")!;
    expect(request.app).toBe("fal-ai/veo3.1/fast/image-to-video");
    expect(request.input.image_url).toBe(`https://gateway.example/files/uploads/token-of-${UPLOAD}`);
    expect(urls.asked).toEqual([`${KEY_ID}/${UPLOAD}`]);
  });

  it("an https reference is sent as it is, and nothing is resolved", async () => {
    const urls = referenceUrls();
    await routed(urls).poll(job({ prompt: "as given", start_frame: "https://cdn.example.com/frame.png" }), Date.now());
    expect(received("as given")!.input.image_url).toBe("https://cdn.example.com/frame.png");
    expect(urls.asked).toEqual([]);
  });

  it("an upload with no URL (expired, or no public address) fails the attempt for good, and the vendor is never asked", async () => {
    const before = fal.calls.submit;
    const status = await routed(referenceUrls()).poll(job({ prompt: "gone", start_frame: "0f1c1c1e-8a44-4c4f-9d7a-2b0b1b9a0c12" }), Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: false, error: expect.stringContaining("0f1c1c1e-8a44-4c4f-9d7a-2b0b1b9a0c12") });
    const without = await routed().poll(job({ prompt: "no resolver", start_frame: UPLOAD }), Date.now());
    expect(without).toMatchObject({ state: "failed", retryable: false, error: expect.stringContaining("GATEAI_PUBLIC_URL") });
    expect(fal.calls.submit).toBe(before);
  });

  it("a resumed attempt (the vendor's handle stored) polls the vendor without resolving again", async () => {
    const urls = referenceUrls();
    const provider = routed(urls);
    const first = job({ prompt: "resumed", start_frame: UPLOAD });
    const started = await provider.poll(first, Date.now());
    expect(started.state === "running" && started.upstream).toBeTruthy();
    const asked = urls.asked.length;
    const again = await provider.poll(Object.assign({}, first, { upstream: started.state === "running" ? started.upstream! : null }), Date.now());
    expect(again.state).not.toBe("failed");
    expect(urls.asked).toHaveLength(asked);
  });
});
