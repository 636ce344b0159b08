// Presigned S3 GET URLs match AWS's own worked example of query-string authentication
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html: examplebucket,
// test.txt, 2013-05-24, 86,400 s), and carry the response-header overrides the gateway chose.
import { describe, expect, it } from "vitest";
import { presignGetObject } from "../../../src/adapters/files/s3-presign.ts";

const EXAMPLE = {
  endpoint: "https://s3.amazonaws.com",
  bucket: "examplebucket",
  key: "test.txt",
  region: "us-east-1",
  forcePathStyle: false,
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
};
const SIGNED_AT = new Date("2013-05-24T00:00:00Z");

describe("presigned S3 GET URLs", () => {
  it("sign AWS's documented example to its documented signature", async () => {
    const url = new URL(await presignGetObject(EXAMPLE, { expiresInSeconds: 86_400, signingDate: SIGNED_AT }));
    expect(url.origin + url.pathname).toBe("https://examplebucket.s3.amazonaws.com/test.txt");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
      "X-Amz-Date": "20130524T000000Z",
      "X-Amz-Expires": "86400",
      "X-Amz-SignedHeaders": "host",
      "X-Amz-Signature": "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
    });
  });

  it("put the bucket in the path for path-style endpoints and sign the response overrides", async () => {
    const options = { expiresInSeconds: 60, signingDate: SIGNED_AT, contentType: "application/octet-stream", contentDisposition: 'attachment; filename="e.html"' };
    const url = new URL(await presignGetObject({ ...EXAMPLE, endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, options));
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:9000/examplebucket/test.txt");
    expect(url.searchParams.get("response-content-type")).toBe("application/octet-stream");
    expect(url.searchParams.get("response-content-disposition")).toBe('attachment; filename="e.html"');
    const plain = new URL(await presignGetObject({ ...EXAMPLE, endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, { ...options, contentType: "image/png" }));
    expect(plain.searchParams.get("X-Amz-Signature")).not.toBe(url.searchParams.get("X-Amz-Signature"));
  });
});
