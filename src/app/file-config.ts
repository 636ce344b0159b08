import { isAbsolute, join, resolve } from "node:path";
import type { S3BlobStoreConfig } from "../adapters/files/s3-blob-store.ts";

/** Where file bytes are kept (metadata is always in the database). */
export type BlobStoreConfig =
  | {
      readonly kind: "filesystem";
      /** GATEAI_FILES_DIR, default <GATEAI_DATA_DIR>/files. */
      readonly dir: string;
      /** GATEAI_FILES_DIR was set: used even when the database is in memory. */
      readonly dirConfigured: boolean;
    }
  | (S3BlobStoreConfig & {
      readonly kind: "s3";
      /** GATEAI_S3_SIGNED_URL_SECONDS: /files/… answers 302 to a presigned GET valid this long; 0 streams through the gateway. */
      readonly signedUrlSeconds: number;
    });

export interface UploadQuotaConfig {
  /** Uploads one key may make per UTC day (GATEAI_UPLOADS_PER_DAY). */
  readonly uploadsPerDay: number;
  /** Bytes one key's kept uploads may hold (GATEAI_UPLOAD_QUOTA_BYTES). */
  readonly bytesStored: number;
}

export const DEFAULT_UPLOADS_PER_DAY = 200;
export const DEFAULT_UPLOAD_QUOTA_BYTES = 1024 * 1024 * 1024;

type Text = (name: string) => string | undefined;
type NumberOf = (name: string, fallback: number, check: (n: number) => boolean, rule: string) => number;

/**
 * GATEAI_FILE_STORE=filesystem (default) | s3, with GATEAI_FILES_DIR or the GATEAI_S3_* settings
 * (README "Files: uploads and results"). Bad values are added to `errors`.
 */
export function loadBlobStoreConfig(text: Text, number: NumberOf, dataDir: string, errors: string[]): BlobStoreConfig {
  const kind = (text("GATEAI_FILE_STORE") ?? "filesystem").toLowerCase();
  if (kind !== "s3") {
    if (kind !== "filesystem") errors.push(`GATEAI_FILE_STORE=${JSON.stringify(kind.slice(0, 40))} is invalid: filesystem or s3`);
    const configured = text("GATEAI_FILES_DIR");
    const dir = configured ?? join(dataDir, "files");
    return { kind: "filesystem", dir: isAbsolute(dir) ? dir : resolve(dir), dirConfigured: configured !== undefined };
  }
  const bucket = text("GATEAI_S3_BUCKET");
  if (!bucket) errors.push("GATEAI_S3_BUCKET is required with GATEAI_FILE_STORE=s3");
  const endpoint = text("GATEAI_S3_ENDPOINT");
  if (endpoint !== undefined) {
    let valid = false;
    try {
      valid = ["http:", "https:"].includes(new URL(endpoint).protocol);
    } catch {
      valid = false;
    }
    if (!valid) errors.push("GATEAI_S3_ENDPOINT is invalid: expected an http:// or https:// URL");
  }
  const accessKeyId = text("GATEAI_S3_ACCESS_KEY_ID");
  const secretAccessKey = text("GATEAI_S3_SECRET_ACCESS_KEY");
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    errors.push("GATEAI_S3_ACCESS_KEY_ID and GATEAI_S3_SECRET_ACCESS_KEY go together (or set neither for the AWS default credential chain)");
  const pathStyle = text("GATEAI_S3_FORCE_PATH_STYLE")?.toLowerCase();
  if (pathStyle !== undefined && !["1", "0", "true", "false"].includes(pathStyle)) errors.push("GATEAI_S3_FORCE_PATH_STYLE is invalid: 1 (or true) or 0 (or false)");
  const prefix = text("GATEAI_S3_PREFIX");
  if (prefix !== undefined && !/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\/$/.test(prefix))
    errors.push("GATEAI_S3_PREFIX is invalid: folders of letters, digits, _ and -, ending with / (e.g. gateai/)");
  return {
    kind: "s3",
    bucket: bucket ?? "",
    ...(endpoint ? { endpoint } : {}),
    region: text("GATEAI_S3_REGION") ?? "us-east-1",
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // A custom endpoint (MinIO, a local server) usually needs the bucket in the path.
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === "1" || pathStyle === "true",
    ...(prefix ? { prefix } : {}),
    signedUrlSeconds: number("GATEAI_S3_SIGNED_URL_SECONDS", 0, (n) => Number.isInteger(n) && n >= 0 && n <= 604_800, "an integer number of seconds from 0 (off) to 604800 (7 days, S3's longest)"),
  };
}

export function loadUploadQuota(number: NumberOf): UploadQuotaConfig {
  return {
    uploadsPerDay: number("GATEAI_UPLOADS_PER_DAY", DEFAULT_UPLOADS_PER_DAY, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000_000, "an integer from 1 to 1000000000"),
    bytesStored: number("GATEAI_UPLOAD_QUOTA_BYTES", DEFAULT_UPLOAD_QUOTA_BYTES, (n) => Number.isSafeInteger(n) && n >= 1, "a positive integer number of bytes"),
  };
}
