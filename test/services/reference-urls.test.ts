// Where a vendor is told to fetch an upload: a presigned blob-store URL when presigned URLs are
// on (the bucket serves it), else a signed link on the public address, else nowhere; a missing or
// expired upload has no URL.
import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/kernel/clock.ts";
import type { FileStore, ServedFile } from "../../src/services/ports/file-store.ts";
import { createReferenceUrls } from "../../src/services/reference-urls.ts";
import { createUploadLinks, UPLOAD_LINK_TTL_MS } from "../../src/services/upload-links.ts";

const UPLOAD = "6f1c1c1e-8a44-4c4f-9d7a-2b0b1b9a0c11";
const clock = manualClock(1_000_000);
const links = createUploadLinks("a-secret-of-at-least-thirty-two-characters");
const signed: { expiresInSeconds: number; contentType: string }[] = [];
const upload: ServedFile = {
  mediaType: "image/png",
  sizeBytes: 3,
  sha256: "00",
  createdAt: 0,
  expiresAt: null,
  open: async () => null,
  signedUrl: async (options) => {
    signed.push(options);
    return "https://bucket.example/uploads/6f/object?X-Amz-Signature=sig";
  },
};
const files: Pick<FileStore, "getUpload"> = { getUpload: async (keyId, id) => (keyId === "key-1" && id === UPLOAD ? upload : null) };

describe("reference URLs for vendors", () => {
  it("a signed link on the public address, opening to the upload for an hour", async () => {
    const urls = createReferenceUrls({ files, links, clock, publicUrl: "https://gateway.example", presigned: false });
    expect(urls.reachable).toBe(true);
    const url = (await urls.uploadUrl("key-1", UPLOAD))!;
    const token = url.slice("https://gateway.example/files/uploads/".length);
    expect(url.startsWith("https://gateway.example/files/uploads/")).toBe(true);
    expect(links.open(token, clock.now() + UPLOAD_LINK_TTL_MS - 1)).toEqual({ keyId: "key-1", uploadId: UPLOAD, expiresAt: clock.now() + UPLOAD_LINK_TTL_MS });
    expect(links.open(token, clock.now() + UPLOAD_LINK_TTL_MS)).toBeUndefined();
  });

  it("a presigned blob-store URL, valid as long as a link, when presigned URLs are on", async () => {
    const urls = createReferenceUrls({ files, links, clock, publicUrl: "https://gateway.example", presigned: true });
    expect(await urls.uploadUrl("key-1", UPLOAD)).toBe("https://bucket.example/uploads/6f/object?X-Amz-Signature=sig");
    expect(signed.at(-1)).toEqual({ expiresInSeconds: UPLOAD_LINK_TTL_MS / 1000, contentType: "image/png" });
    expect(createReferenceUrls({ files, links, clock, presigned: true }).reachable).toBe(true);
  });

  it("none without a public address or presigned URLs, and none for an upload that is not the key's or is gone", async () => {
    const nowhere = createReferenceUrls({ files, links, clock, presigned: false });
    expect(nowhere.reachable).toBe(false);
    expect(await nowhere.uploadUrl("key-1", UPLOAD)).toBeUndefined();
    const urls = createReferenceUrls({ files, links, clock, publicUrl: "https://gateway.example", presigned: false });
    expect(await urls.uploadUrl("key-2", UPLOAD)).toBeUndefined();
  });
});
