// GET /files/…: whatever a result holds (an upstream may answer HTML or SVG), it is never served as
// a document of the gateway's origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputFile, Provider } from "../../src/services/ports/provider.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { client, type Client } from "./http.ts";
import { waitForFinalTask } from "./harness.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

const FILES: OutputFile[] = [
  { name: "a.png", mediaType: "image/png", data: PNG },
  { name: "b.jpg", mediaType: "IMAGE/JPEG; charset=binary", data: PNG },
  { name: "c.mp4", mediaType: "video/mp4", data: PNG },
  { name: "d.glb", mediaType: "model/gltf-binary", data: PNG },
  { name: "e.html", mediaType: "text/html", data: text("<script>alert(document.cookie)</script>") },
  { name: "f.svg", mediaType: "image/svg+xml", data: text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  { name: "g.js", mediaType: "application/javascript", data: text("alert(1)") },
  { name: "h.xml", mediaType: "application/xhtml+xml", data: text("<html/>") },
  { name: "i.bin", mediaType: "", data: PNG },
];

/** An upstream that finishes every generation at once with FILES. */
const provider: Provider = {
  poll: async () => ({ state: "finished", files: FILES, result: FILES.map((f) => f.name), glb: [] }),
};

let gw: TestGateway;
let api: Client;
let urls: Map<string, string>;
beforeAll(async () => {
  gw = await startGateway({ provider });
  api = client(gw.url);
  const generated = await api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "files" } }, { key: gw.key });
  expect(generated.status).toBe(200);
  const task = await waitForFinalTask(api, gw.key, generated.body.task_id);
  expect(task.status).toBe("FINISHED");
  urls = new Map((task.result as string[]).map((url) => [url.split("/").pop()!, url]));
}, 60_000);
afterAll(async () => gw?.close());

const served = async (name: string) => {
  const response = await api.fetch(urls.get(name)!);
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return response.headers;
};

describe("the headers result files are served with", () => {
  it.each([
    ["a.png", "image/png"],
    ["b.jpg", "image/jpeg"],
    ["c.mp4", "video/mp4"],
    ["d.glb", "model/gltf-binary"],
  ])("%s: an allow-listed type, served as itself (%s), inline", async (name, type) => {
    const headers = await served(name);
    expect(headers.get("content-type")).toBe(type);
    expect(headers.get("content-disposition")).toBeNull();
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each(["e.html", "f.svg", "g.js", "h.xml", "i.bin"])("%s: anything else, as an application/octet-stream attachment", async (name) => {
    const headers = await served(name);
    expect(headers.get("content-type")).toBe("application/octet-stream");
    expect(headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });
});
