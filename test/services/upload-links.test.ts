// Upload links: a token names one upload of one key until it expires; any change to it, another
// secret, or a time past its expiry opens nothing; neither id can be read from it.
import { describe, expect, it } from "vitest";
import { createUploadLinks } from "../../src/services/upload-links.ts";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const UPLOAD = "6f1c1c1e-8a44-4c4f-9d7a-2b0b1b9a0c11";

describe("upload links", () => {
  it("open to the key, upload and expiry they were sealed for until that expiry, and not after", () => {
    const links = createUploadLinks(SECRET);
    const token = links.seal("key-1", UPLOAD, 2_000);
    expect(links.open(token, 1_999)).toEqual({ keyId: "key-1", uploadId: UPLOAD, expiresAt: 2_000 });
    expect(links.open(token, 2_000)).toBeUndefined();
    // Another process with the same secret opens it too.
    expect(createUploadLinks(SECRET).open(token, 1_000)).toEqual({ keyId: "key-1", uploadId: UPLOAD, expiresAt: 2_000 });
  });

  it("refuse a token that was altered, sealed under another secret, or is not one", () => {
    const links = createUploadLinks(SECRET);
    const token = links.seal("key-1", UPLOAD, 2_000);
    const altered = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    expect(links.open(altered, 1_000)).toBeUndefined();
    expect(createUploadLinks("another-secret-of-thirty-two-characters!").open(token, 1_000)).toBeUndefined();
    expect(createUploadLinks(undefined).open(token, 1_000)).toBeUndefined();
    for (const junk of ["", "x", "not/base64url", "A".repeat(600)]) expect(links.open(junk, 1_000)).toBeUndefined();
  });

  it("hide the ids they carry", () => {
    const token = createUploadLinks(SECRET).seal("key-1", UPLOAD, 2_000);
    expect(Buffer.from(token, "base64url").toString("latin1")).not.toContain(UPLOAD);
    expect(token).not.toContain(UPLOAD);
  });
});
