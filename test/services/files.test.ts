// Redirects to presigned blob-store URLs: a URL is never valid longer than configured, than the
// file is kept, or than the link the file was reached through.
import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/kernel/clock.ts";
import { createFileService } from "../../src/services/files.ts";
import type { FileStore, ServedFile } from "../../src/services/ports/file-store.ts";
import { createUploadLinks } from "../../src/services/upload-links.ts";

const T0 = Date.UTC(2030, 0, 1);
const SECRET = "a-secret-of-at-least-thirty-two-characters";
const HEADERS = { contentType: "image/png" };

/** A stored file expiring at `expiresAt` whose signed URLs name the seconds they were signed for. */
const fileExpiring = (expiresAt: number | null): ServedFile => ({
  mediaType: "image/png", sizeBytes: 4, sha256: "ab".repeat(32), createdAt: T0 - 1000, expiresAt,
  open: async () => null,
  signedUrl: async ({ expiresInSeconds }) => `https://bucket.example/object?X-Amz-Expires=${expiresInSeconds}`,
});

const serviceFor = (file: ServedFile, signedUrlSeconds: number) => {
  const store = { get: async () => file, getUpload: async () => file } as unknown as FileStore;
  return createFileService({ store, clock: manualClock(T0), maxBytes: 1024, signedUrlSeconds, links: createUploadLinks(SECRET) });
};

describe("redirects to presigned URLs", () => {
  it("are signed for the configured seconds when the file is kept longer", async () => {
    const files = serviceFor(fileExpiring(T0 + 86_400_000), 3600);
    expect(await files.redirectFor(await files.get("t", "n") as ServedFile, HEADERS)).toEqual({ url: expect.stringContaining("X-Amz-Expires=3600"), expiresInSeconds: 3600 });
    expect((await serviceFor(fileExpiring(null), 3600).redirectFor(fileExpiring(null), HEADERS))?.expiresInSeconds).toBe(3600);
  });

  it("are signed no longer than the file is kept", async () => {
    const file = fileExpiring(T0 + 90_500);
    expect(await serviceFor(file, 604_800).redirectFor(file, HEADERS)).toEqual({ url: expect.stringContaining("X-Amz-Expires=90"), expiresInSeconds: 90 });
  });

  it("are signed no longer than the link a file was reached through, and never longer than configured", async () => {
    const file = fileExpiring(T0 + 86_400_000);
    const files = serviceFor(file, 604_800);
    const token = createUploadLinks(SECRET).seal("key-1", "upload-1", T0 + 120_000);
    const linked = (await files.linked(token))!;
    expect(linked.expiresAt).toBe(T0 + 120_000);
    expect((await files.redirectFor(linked.file, HEADERS, linked.expiresAt))?.expiresInSeconds).toBe(120);
    expect((await serviceFor(file, 60).redirectFor(file, HEADERS, T0 + 3_600_000))?.expiresInSeconds).toBe(60);
  });

  it("are not made with less than a second left: the file is streamed instead", async () => {
    const file = fileExpiring(T0 + 999);
    expect(await serviceFor(file, 3600).redirectFor(file, HEADERS)).toBeNull();
    expect(await serviceFor(fileExpiring(null), 3600).redirectFor(fileExpiring(null), HEADERS, T0 + 500)).toBeNull();
  });
});
