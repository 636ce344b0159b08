/**
 * Blobs as objects of an S3-compatible bucket (AWS S3, MinIO, R2, s3rver...), through the AWS SDK
 * v3 S3 client. Writes stream with bounded memory: the source is cut into parts of PART_BYTES; a
 * blob that fits in one part is one PutObject, a larger one a multipart upload (CreateMultipartUpload,
 * UploadPart per part, CompleteMultipartUpload), aborted when the source throws so no part is kept.
 * An object appears under its key only when PutObject or CompleteMultipartUpload succeeds, so a
 * reader never sees a partial blob. Reads pass HTTP Range through (GetObject `Range`).
 * Reads (GetObject, whose body a client of /files paces) go through a client of their own, with its
 * own connections (READ_SOCKETS): clients that stop reading can take every one of those, never one
 * that a write or a delete needs. A killed process may leave an incomplete multipart upload, which
 * only a bucket lifecycle rule removes (README: AbortIncompleteMultipartUpload).
 * S3 API: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html (parts of 5 MiB..5 GiB but the last),
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Range), API_DeleteObjects.html (1,000 keys a request).
 * SDK: https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/s3/, its own connections per
 * client: https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html
 */
import {
  type S3ClientConfig,
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import { assertBlobKey, type BlobStore } from "../../services/ports/blob-store.ts";
import { presignGetObject } from "./s3-presign.ts";

/** Multipart parts are at least 5 MiB (all but the last); 8 MiB keeps one upload's memory bounded. */
const PART_BYTES = 8 * 1024 * 1024;
const DELETE_BATCH = 1000;
/**
 * Connections the reading client may open at once (the SDK's default, and what the writing client
 * keeps): a read past them waits for one, which a stalled client of /files frees within the
 * route's SERVED_IDLE_MS.
 */
export const READ_SOCKETS = 50;

/**
 * The SDK waits for a connection and for a silent server as long as the system lets it (its
 * default timeouts are off). A write or delete whose connection does not open within `connectMs`
 * (the SDK counts the wait for a free socket in it), or any request whose socket moves no byte for
 * `idleMs` (the server silent, the network path lost), fails instead: a write then fails its
 * caller (a result's download is read again at the next poll), a read ends. `idleMs` is longer than the route's SERVED_IDLE_MS, which ends the read of a client
 * that stopped reading first.
 */
export interface S3Timeouts {
  readonly connectMs: number;
  readonly idleMs: number;
}
export const S3_TIMEOUTS: S3Timeouts = { connectMs: 10_000, idleMs: 60_000 };

export interface S3BlobStoreConfig {
  readonly bucket: string;
  /** Another S3-compatible service (http(s)://host:port); absent = AWS. */
  readonly endpoint?: string;
  readonly region: string;
  /** Absent = the SDK's default chain (environment, shared files, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** bucket in the path (http://host/bucket/key), as MinIO and most local servers need. */
  readonly forcePathStyle: boolean;
  /** Prepended to every key (a folder of a shared bucket), e.g. `gateai/`. */
  readonly prefix?: string;
}

export interface S3BlobStore extends BlobStore {
  /** The client of writes, deletes and the rest (reads have one of their own). */
  readonly client: S3Client;
  close(): void;
}

export function createS3BlobStore(config: S3BlobStoreConfig, timeouts: S3Timeouts = S3_TIMEOUTS): S3BlobStore {
  // NodeHttpHandlerOptions (@smithy/types): `socketTimeout` is the idle time, `requestTimeout` a whole request's.
  const handler = { connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.idleMs };
  const clientConfig: S3ClientConfig = {
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
    // Checksums only where the API requires them: S3-compatible servers differ in the newer
    // default (CRC32 trailers), and every part already goes with its length.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: handler,
  };
  const client = new S3Client(clientConfig);
  // Agent options, not agents: the SDK makes the agents (keep-alive) and destroys them with the client.
  const reader = new S3Client(
    // No connection timeout here: the SDK counts a request's wait for a free socket in it, and
    // reads wait for one by design (READ_SOCKETS) for as long as their clients of /files wait.
    Object.assign({}, clientConfig, { requestHandler: { socketTimeout: timeouts.idleMs, httpAgent: { maxSockets: READ_SOCKETS }, httpsAgent: { maxSockets: READ_SOCKETS } } }),
  );
  const Bucket = config.bucket;
  const objectKey = (key: string): string => {
    assertBlobKey(key);
    return `${config.prefix ?? ""}${key}`;
  };

  /** The source in parts of PART_BYTES (the last one shorter). */
  async function* parts(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
    let chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of source) {
      let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      while (size + bytes.length >= PART_BYTES) {
        const take = PART_BYTES - size;
        chunks.push(bytes.subarray(0, take));
        yield Buffer.concat(chunks, PART_BYTES);
        bytes = bytes.subarray(take);
        chunks = [];
        size = 0;
      }
      if (bytes.length) {
        // Copied: the source may reuse its buffer after yielding it.
        chunks.push(Buffer.from(bytes));
        size += bytes.length;
      }
    }
    if (size > 0 || chunks.length) yield Buffer.concat(chunks, size);
  }

  return {
    client,
    async put(key, source, { contentType }) {
      const Key = objectKey(key);
      const iterator = parts(source)[Symbol.asyncIterator]();
      const first = await iterator.next();
      const firstPart = first.done ? Buffer.alloc(0) : first.value;
      const second = first.done ? first : await iterator.next();
      if (second.done) {
        await client.send(new PutObjectCommand({ Bucket, Key, Body: firstPart, ContentLength: firstPart.length, ContentType: contentType }));
        return;
      }
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: contentType }));
      try {
        const completed: { ETag: string; PartNumber: number }[] = [];
        const upload = async (body: Buffer) => {
          const PartNumber = completed.length + 1;
          const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body, ContentLength: body.length }));
          completed.push({ ETag: ETag!, PartNumber });
        };
        await upload(firstPart);
        await upload(second.value);
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) await upload(next.value);
        await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: completed } }));
      } catch (error) {
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
        throw error;
      }
    },

    async get(key, range) {
      try {
        const object = await reader.send(
          new GetObjectCommand({ Bucket, Key: objectKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        // In Node the body is the HTTP response itself (an IncomingMessage, a Readable).
        return (object.Body as Readable | undefined) ?? null;
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === "NoSuchKey" || name === "NotFound") return null;
        throw error;
      }
    },

    async delete(keys) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const Objects = keys.slice(i, i + DELETE_BATCH).map((key) => ({ Key: objectKey(key) }));
        const answer = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
        // A key with no object is not an error (S3 reports it deleted); anything else is.
        const failed = (answer.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
        if (failed.length) throw new Error(`S3 DeleteObjects failed for ${failed.length} keys: ${failed[0]!.Code} ${failed[0]!.Message ?? ""}`);
      }
    },

    signedUrl: (key, options) =>
      presignGetObject(
        {
          endpoint: config.endpoint ?? `https://s3.${config.region}.amazonaws.com`,
          bucket: Bucket, key: objectKey(key), region: config.region, forcePathStyle: config.forcePathStyle, credentials: client.config.credentials,
        },
        { expiresInSeconds: options.expiresInSeconds, contentType: options.contentType, ...(options.contentDisposition ? { contentDisposition: options.contentDisposition } : {}) },
      ),

    close() {
      client.destroy();
      reader.destroy();
    },
  };
}
