import type { Readable } from "node:stream";

/**
 * Where the bytes of stored files live (the metadata is in the database, `FileRecords`): a
 * directory of the local filesystem or an S3-compatible bucket. Blobs are written once under a
 * key the gateway makes (`isBlobKey`), never overwritten, read whole or by byte range, deleted.
 *
 * Bytes flow as Node streams: what is written is any `AsyncIterable<Uint8Array>` (a Node
 * Readable such as an HTTP request, a Web ReadableStream, a generator), what is read is a Node
 * `Readable`, which `stream.pipeline` pipes into a `ServerResponse` with backpressure and which
 * the fs module and the S3 client (GetObject's Body in Node) hand out as they are.
 */
export interface BlobStore {
  /**
   * Stores every byte of `source` under `key`. When `source` throws (over a size cap, the client
   * went away), the write is abandoned and nothing is left under `key` or anywhere else; the
   * error is rethrown. A blob is visible under `key` only once complete.
   */
  put(key: string, source: AsyncIterable<Uint8Array>, options: { readonly contentType: string }): Promise<void>;
  /** The blob's bytes, or the inclusive byte range [start, end]; null when there is no such blob. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Deletes these blobs; a key with no blob is not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Deletes what writes that never finished (their process was killed) left behind and nothing has
   * touched for `olderThanMs`; how many. Absent when the store itself leaves nothing to find (S3:
   * an incomplete multipart upload is the bucket's lifecycle rule to abort, see README).
   */
  deleteAbandonedWrites?(olderThanMs: number): Promise<number>;
  /**
   * A URL a browser may fetch the blob from directly for `expiresInSeconds` (S3 presigned GET),
   * answered with these response headers; absent when the store cannot sign URLs.
   */
  signedUrl?(key: string, options: SignedUrlOptions): Promise<string>;
}

/** Inclusive byte offsets, as in an HTTP Range header. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface SignedUrlOptions {
  readonly expiresInSeconds: number;
  readonly contentType: string;
  readonly contentDisposition?: string;
}

/**
 * The keys the gateway makes: a lower-case prefix and one to three segments of letters, digits,
 * `_` and `-` (no dots, so no `.`/`..` segment and no extension a server could interpret), at most
 * 200 characters. Every adapter refuses any other key before touching storage.
 */
const BLOB_KEY = /^[a-z]+(?:\/[A-Za-z0-9_-]{1,64}){1,3}$/;
export const isBlobKey = (key: string): boolean => key.length <= 200 && BLOB_KEY.test(key);

export class InvalidBlobKeyError extends Error {
  override name = "InvalidBlobKeyError";
  constructor(key: string) {
    super(`not a blob key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

/** Throws unless `key` is one the gateway makes (`isBlobKey`). */
export function assertBlobKey(key: string): void {
  if (!isBlobKey(key)) throw new InvalidBlobKeyError(key);
}
