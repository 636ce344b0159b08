/**
 * Presigned S3 GET URLs (AWS Signature Version 4 in the query string), signed with the SDK's own
 * signer (`@smithy/signature-v4`, which `@aws-sdk/client-s3` signs every request with) and
 * node:crypto's SHA-256. The `response-content-type` / `response-content-disposition` parameters
 * make S3 answer with the headers the gateway chose, whatever the object was stored with.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (response-* overrides)
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from "@smithy/types";

/** SHA-256 (or HMAC-SHA-256 with a secret) in the shape the signer takes. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(this.secret));
  }
  update(data: Uint8Array | string): void {
    this.hash.update(typeof data === "string" ? Buffer.from(data, "utf8") : data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export interface PresignTarget {
  /** The S3 endpoint's origin: a custom one, or https://s3.<region>.amazonaws.com. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly forcePathStyle: boolean;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

/** A GET URL for the object valid for `expiresInSeconds` from `signingDate`, with these response headers. */
export async function presignGetObject(
  target: PresignTarget,
  options: { expiresInSeconds: number; contentType?: string; contentDisposition?: string; signingDate?: Date },
): Promise<string> {
  const origin = new URL(target.endpoint);
  const hostname = target.forcePathStyle ? origin.hostname : `${target.bucket}.${origin.hostname}`;
  const host = origin.port ? `${hostname}:${origin.port}` : hostname;
  const path = target.forcePathStyle ? `/${target.bucket}/${target.key}` : `/${target.key}`;
  const query: Record<string, string> = {};
  if (options.contentType) query["response-content-type"] = options.contentType;
  if (options.contentDisposition) query["response-content-disposition"] = options.contentDisposition;
  const signer = new SignatureV4({ service: "s3", region: target.region, credentials: target.credentials, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.presign(
    // S3 presigned URLs sign no payload (UNSIGNED-PAYLOAD), and that header is not sent.
    { method: "GET", protocol: origin.protocol, hostname, ...(origin.port ? { port: Number(origin.port) } : {}), path, query, headers: { host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } },
    {
      expiresIn: options.expiresInSeconds,
      unsignableHeaders: new Set(["x-amz-content-sha256"]),
      unhoistableHeaders: new Set(["x-amz-content-sha256"]),
      ...(options.signingDate ? { signingDate: options.signingDate } : {}),
    },
  );
  const url = new URL(`${origin.protocol}//${host}${path}`);
  for (const [name, value] of Object.entries(signed.query ?? {})) if (typeof value === "string") url.searchParams.set(name, value);
  return url.href;
}
