// The gateway on an S3 blob store (a local s3rver): uploads land in the bucket, and with
// GATEAI_S3_SIGNED_URL_SECONDS a result's /files/… URL answers 302 to a presigned GET of its object
// that serves the bytes (ranges included) with the type and disposition the gateway chose. An
// upload link's redirect is uncached and valid no longer than the link; HEAD is answered, not redirected.
import { createHash, randomBytes } from "node:crypto";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { FormData } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputFile, Provider } from "../../src/services/ports/provider.ts";
import { createUploadLinks } from "../../src/services/upload-links.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { startLocalS3, type LocalS3 } from "../support/s3rver.ts";
import { client, type Client } from "./http.ts";
import { waitForFinalTask } from "./harness.ts";

const VIDEO = randomBytes(300_000);
const FILES: OutputFile[] = [
  { name: "v.mp4", mediaType: "video/mp4", data: VIDEO },
  { name: "page.html", mediaType: "text/html", data: new TextEncoder().encode("<script>alert(1)</script>") },
];
const SECRET = "a-stream-token-secret-of-32-characters-at-least";
const provider: Provider = { poll: async () => ({ state: "finished", files: FILES, result: FILES.map((f) => f.name), glb: [] }) };

let s3: LocalS3;
let gw: TestGateway;
let api: Client;
let urls: Map<string, string>;
beforeAll(async () => {
  s3 = await startLocalS3();
  gw = await startGateway({
    provider,
    env: {
      GATEAI_FILE_STORE: "s3", GATEAI_S3_BUCKET: s3.bucket, GATEAI_S3_ENDPOINT: s3.endpoint, GATEAI_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      GATEAI_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey, GATEAI_S3_PREFIX: "gateai/", GATEAI_S3_SIGNED_URL_SECONDS: "300",
      GATEAI_STREAM_TOKEN_SECRET: SECRET,
    },
  });
  api = client(gw.url);
  const generated = await api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "files" } }, { key: gw.key });
  expect(generated.status).toBe(200);
  const task = await waitForFinalTask(api, gw.key, generated.body.task_id);
  expect(task.status).toBe("FINISHED");
  urls = new Map((task.result as string[]).map((url) => [url.split("/").pop()!, url]));
}, 60_000);
afterAll(async () => {
  await gw?.close();
  await s3?.close();
});

const objectKeys = async () => {
  const s3Client = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials });
  try {
    return ((await s3Client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key!);
  } finally {
    s3Client.destroy();
  }
};

describe("files on an S3 blob store", () => {
  it("stores an upload's bytes as an object under the configured prefix, and none in the database", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(9 * 1024 * 1024)]);
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "big.png");
    const reply = await api.request("/api/upload", { method: "POST", body: form, key: gw.key });
    expect(reply.status).toBe(200);
    const row = await gw.prisma.upload.findUniqueOrThrow({ where: { id: reply.body.id } });
    expect(row).toMatchObject({ data: null, sizeBytes: png.length, sha256: createHash("sha256").update(png).digest("hex") });
    expect(await objectKeys()).toContain(`gateai/${row.blobKey}`);
  });

  it("redirects a result to a presigned URL that serves its bytes, ranges included", async () => {
    const answer = await api.fetch(urls.get("v.mp4")!, { redirect: "manual" });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(location.origin).toBe(s3.endpoint);
    expect(location.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(location.searchParams.get("X-Amz-Expires")).toBe("300");
    const whole = await api.fetch(location.href);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await whole.arrayBuffer()).equals(VIDEO)).toBe(true);
    const part = await api.fetch(location.href, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(VIDEO.subarray(1000, 2000))).toBe(true);
  });

  it("signs a type outside the allow-list as an attachment of type application/octet-stream", async () => {
    const answer = await api.fetch(urls.get("page.html")!, { redirect: "manual" });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(location.searchParams.get("response-content-type")).toBe("application/octet-stream");
    expect(location.searchParams.get("response-content-disposition")).toBe('attachment; filename="page.html"');
    const served = await api.fetch(location.href);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toBe('attachment; filename="page.html"');
  });

  it("answers HEAD from the stored row with GET's headers, not with a redirect signed for GET", async () => {
    const head = await api.fetch(urls.get("v.mp4")!, { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(200);
    expect(head.headers.get("location")).toBeNull();
    expect(Object.fromEntries(head.headers)).toMatchObject({
      "content-type": "video/mp4", "content-length": String(VIDEO.length), etag: `"${createHash("sha256").update(VIDEO).digest("hex")}"`, "accept-ranges": "bytes",
    });
    const ranged = await api.fetch(urls.get("v.mp4")!, { method: "HEAD", headers: { range: "bytes=0-99" }, redirect: "manual" });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-99/${VIDEO.length}`);
  });

  it("redirects an upload link uncached, to a URL valid no longer than the link", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], { type: "image/png" }), "a.png");
    const uploaded = await api.request("/api/upload", { method: "POST", body: form, key: gw.key });
    const row = await gw.prisma.upload.findUniqueOrThrow({ where: { id: uploaded.body.id } });
    const links = createUploadLinks(SECRET);
    const expiresIn = async (linkMs: number) => {
      const answer = await api.fetch(`${gw.url}/files/uploads/${links.seal(row.keyId, row.id, Date.now() + linkMs)}`, { redirect: "manual" });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
      const location = answer.headers.get("location")!;
      expect((await api.fetch(location)).status).toBe(200);
      return Number(new URL(location).searchParams.get("X-Amz-Expires"));
    };
    const shortLink = await expiresIn(90_000);
    expect(shortLink).toBeGreaterThanOrEqual(85);
    expect(shortLink).toBeLessThanOrEqual(90);
    // A link with an hour left: the configured 300 seconds.
    expect(await expiresIn(3_600_000)).toBe(300);
  });
});
