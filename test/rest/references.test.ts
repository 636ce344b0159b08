// Issue 12's reference examples through POST /api/generate: every one is a 400 INVALID_PARAMS
// naming the field path, before anything is charged or forwarded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { client, type Client } from "./http.ts";

let gw: TestGateway;
let api: Client;
beforeAll(async () => {
  gw = await startGateway({ driver: { enabled: false } });
  api = client(gw.url);
}, 60_000);
afterAll(async () => gw?.close());

describe("references refused at POST /api/generate", () => {
  it.each([
    ["seedance-2.0", { reference_image_urls: ["file:///etc/passwd", " https://169.254.169.254/latest/meta-data/"] }, ["reference_image_urls[0]", "reference_image_urls[1]"]],
    ["seedance-2.0", { start_frame: "https://8.8.8.8\\@127.0.0.1:4713/x.png" }, ["start_frame"]],
    ["seedance-2.0", { reference_video_urls: ["https://[::7f00:1]/v.mp4"], reference_audio_urls: ["https://[2002:a9fe:a9fe::1]/a.mp3"] }, ["reference_audio_urls[0]", "reference_video_urls[0]"]],
    ["kling-2.6", { audio: "gopher://127.0.0.1:6379/_FLUSHALL" }, ["audio"]],
    ["kling-3.0", { elements: [{ frontal_image_url: "https://[fec0::1]/x.png" }] }, ["elements[0].frontal_image_url"]],
    ["flux-dev", { loras: [{ path: "file:///models/secret.safetensors" }] }, ["loras[0].path"]],
    ["seedance-2.0", { start_frame: `data:image/svg+xml;base64,${Buffer.from("<svg/>").toString("base64")}` }, ["start_frame"]],
  ])("%s %j", async (model, params, fields) => {
    // A key per case: refused requests are not this test's concern for the rate limit.
    const { key } = await gw.createKey();
    const reply = await api.post("/api/generate", { model, params: { prompt: "x", ...params } }, { key });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("INVALID_PARAMS");
    expect(reply.body.issues.map((i: { field: string }) => i.field)).toEqual(fields);
  });
});
