import { FormData } from "undici";
import { expect, test } from "vitest";
import { describeOnEverySetup, expectErrorBody } from "./harness.ts";

const MAX_BYTES = 4096;

/** Bytes that start with a format's signature, padded to `size`. */
const withSignature = (signature: number[] | string, size = 256): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set(typeof signature === "string" ? Buffer.from(signature, "latin1") : signature);
  return bytes;
};
const PNG = withSignature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = withSignature([0xff, 0xd8, 0xff, 0xe0]);
const MP4 = withSignature("\x00\x00\x00\x18ftypisom\x00\x00\x02\x00");
const WAV = withSignature("RIFF\x24\x08\x00\x00WAVEfmt ");
const GARBAGE = withSignature("just some text, no media here");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeOnEverySetup("POST /api/upload", { env: { GATEAI_UPLOAD_MAX_BYTES: String(MAX_BYTES) } }, (h) => {
  const upload = (data: Uint8Array, type: string, options: { key?: string; field?: string } = {}) => {
    const form = new FormData();
    form.append(options.field ?? "file", new Blob([data as Uint8Array<ArrayBuffer>], { type }), "upload.bin");
    return h.api.request("/api/upload", { method: "POST", body: form, key: options.key ?? h.gw.key });
  };

  test("image, video and audio files are stored and answered as {id, media_type, size_bytes}", async () => {
    for (const [data, type] of [
      [PNG, "image/png"],
      [JPEG, "image/jpeg"],
      [MP4, "video/mp4"],
      [WAV, "audio/wav"],
    ] as const) {
      const reply = await upload(data, type);
      expect(reply.status, type).toBe(200);
      expect(reply.body).toEqual({ id: expect.stringMatching(UUID), media_type: type, size_bytes: data.byteLength });
    }
  });

  test("a file without a specific type is stored under the type its bytes show", async () => {
    const reply = await upload(JPEG, "application/octet-stream");
    expect(reply.status).toBe(200);
    expect(reply.body.media_type).toBe("image/jpeg");
  });

  test("the upload id is accepted as a reference in a generate request's `images`", async () => {
    const { key } = await h.gw.createKey();
    const uploaded = await upload(PNG, "image/png", { key });
    const reply = await h.api.post("/api/estimate", { model: "flux-kontext-pro", params: { prompt: "edit this", images: [uploaded.body.id] } }, { key });
    expect(reply.status).toBe(200);
  });

  test("415 UPLOAD_REJECTED when the declared type and the bytes disagree, or the type is not image/video/audio", async () => {
    for (const [data, type] of [
      [JPEG, "image/png"],
      [PNG, "video/mp4"],
      [GARBAGE, "image/png"],
      [GARBAGE, "text/plain"],
      [GARBAGE, "application/octet-stream"],
      [GARBAGE, "image/svg+xml"],
      [PNG, "application/pdf"],
    ] as const) {
      const reply = await upload(data, type);
      expect(reply.status, type).toBe(415);
      expectErrorBody(reply.body, "UPLOAD_REJECTED");
    }
  });

  test("415 for a body that is not multipart/form-data; 400 without a `file` part", async () => {
    const json = await h.api.post("/api/upload", { file: "nope" }, { key: h.gw.key });
    expect(json.status).toBe(415);
    expectErrorBody(json.body, "UPLOAD_REJECTED");
    const noFile = await upload(PNG, "image/png", { field: "other" });
    expect(noFile.status).toBe(400);
    expectErrorBody(noFile.body, "BAD_REQUEST");
  });

  test("a file part named without quotes or in RFC 8187's filename* form is stored", async () => {
    for (const filename of ["filename=a.png", "filename*=UTF-8''%E7%8C%AB.png"]) {
      const boundary = "x7MA4YWxkTrZu0gW";
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=file; ${filename}\r\nContent-Type: image/png\r\n\r\n`),
        PNG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const reply = await h.api.request("/api/upload", { method: "POST", body, key: h.gw.key, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
      expect(reply.status, filename).toBe(200);
      expect(reply.body).toMatchObject({ media_type: "image/png", size_bytes: PNG.length });
    }
  });

  test("413 UPLOAD_REJECTED with max_bytes for a file over the limit", async () => {
    const reply = await upload(withSignature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], MAX_BYTES + 1), "image/png");
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: "UPLOAD_REJECTED", error: expect.any(String), max_bytes: MAX_BYTES });
  });

  test("413 for a body far over the limit, answered before it is read", async () => {
    const reply = await upload(withSignature([0xff, 0xd8, 0xff], 8 * 1024 * 1024), "image/jpeg");
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: "UPLOAD_REJECTED", max_bytes: MAX_BYTES });
  });

  test("401 without a key", async () => {
    const form = new FormData();
    form.append("file", new Blob([PNG as Uint8Array<ArrayBuffer>], { type: "image/png" }));
    const reply = await h.api.request("/api/upload", { method: "POST", body: form });
    expect(reply.status).toBe(401);
  });
});
