// The streaming multipart reader: the file part's bytes come out exactly, however the body is cut
// into chunks (boundaries split across chunks included), other parts are skipped, and bad or
// oversized bodies are errors, not hangs. A file's name is read in every form a sender may write it.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispositionFilename, MalformedMultipartError, multipartBoundary, MultipartTooLargeError, readMultipartFile } from "../../src/http/multipart-file.ts";

const BOUNDARY = "----x7MA4YWxkTrZu0gW";
const body = (parts: { name: string; filename?: string; type?: string; data: Buffer }[], epilogue = "") =>
  Buffer.concat([
    Buffer.from("preamble\r\n"),
    ...parts.flatMap((p) => [
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`),
      p.data,
      Buffer.from("\r\n"),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n${epilogue}`),
  ]);

/** `bytes` as chunks cut at `cuts`. */
async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

const readFile = async (source: AsyncIterable<Buffer>, max = 10_000_000) => {
  const part = await readMultipartFile(source, BOUNDARY, "file", max);
  if (!part) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of part.body) chunks.push(chunk);
  return { contentType: part.contentType, filename: part.filename, data: Buffer.concat(chunks) };
};

describe("readMultipartFile", () => {
  it("returns the file part's bytes exactly, however the body is chunked (property)", async () => {
    // Bytes that look like the delimiter's start, to tempt a false match.
    const file = Buffer.concat([randomBytes(3000), Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}`), randomBytes(50), Buffer.from("\r\n-")]);
    const bytes = body([{ name: "note", data: Buffer.from("hello") }, { name: "file", filename: "a.png", type: "image/png", data: file }, { name: "after", data: Buffer.from("x") }], "epilogue");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }), async (cuts) => {
        const read = await readFile(chunked(bytes, cuts));
        expect(read).toEqual({ contentType: "image/png", filename: "a.png", data: file });
      }),
      { numRuns: 200 },
    );
  });

  it("answers null when there is no part of that name", async () => {
    expect(await readFile(chunked(body([{ name: "other", filename: "x", data: Buffer.from("x") }]), [7]))).toBeNull();
  });

  it("throws MalformedMultipartError for a body cut short, inside the headers or the file", async () => {
    const bytes = body([{ name: "file", filename: "a.bin", data: randomBytes(1000) }]);
    await expect(readFile(chunked(bytes.subarray(0, 60), [20]))).rejects.toThrow(MalformedMultipartError);
    await expect(readFile(chunked(bytes.subarray(0, 500), [200]))).rejects.toThrow(MalformedMultipartError);
  });

  it("throws MultipartTooLargeError as soon as more than the cap has arrived, skipped parts included", async () => {
    const bytes = body([{ name: "padding", data: randomBytes(5000) }, { name: "file", filename: "a.bin", data: Buffer.from("small") }]);
    await expect(readFile(chunked(bytes, [1000, 2000, 3000]), 2500)).rejects.toThrow(MultipartTooLargeError);
  });

  it("reads the boundary of a multipart/form-data Content-Type, quoted or not", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("multipart/form-data")).toBeUndefined();
    expect(multipartBoundary("application/json; boundary=x")).toBeUndefined();
    expect(multipartBoundary(`multipart/form-data; boundary=${"x".repeat(71)}`)).toBeUndefined();
  });
});

describe("the file part's filename", () => {
  /** The file part of a body whose Content-Disposition is `disposition`, as read. */
  const fileWith = async (disposition: string) => {
    const bytes = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--${BOUNDARY}--\r\n`, "latin1");
    return readFile(chunked(bytes, []));
  };

  it.each([
    ['form-data; name="file"; filename="a.png"', "a.png"],
    ["form-data; name=file; filename=a.png", "a.png"],
    ['form-data; name="file"; FILENAME="a.png"', "a.png"],
    ["form-data; name=\"file\"; filename*=UTF-8''%E7%8C%AB.png", "猫.png"],
    ['form-data; name="file"; filename="fallback.png"; filename*=utf-8\'en\'%C3%A9t%C3%A9.png', "été.png"],
    ["form-data; name=\"file\"; filename*=ISO-8859-1''caf%E9.png", "café.png"],
    ['form-data; name="file"; filename="say \\"hi\\".png"', 'say "hi".png'],
  ])("is read from %s", async (disposition, filename) => {
    expect((await fileWith(disposition))?.filename).toBe(filename);
  });

  it("is kept as sent when its percent-encoding is broken, and absent when the part has none", () => {
    expect(dispositionFilename("form-data; name=\"file\"; filename*=UTF-8''%E7%8C.png")).toBe("%E7%8C.png");
    expect(dispositionFilename("form-data; name=\"file\"; filename*=UTF-8''50%.png")).toBe("50%.png");
    expect(dispositionFilename('form-data; name="file"')).toBeUndefined();
  });
});
