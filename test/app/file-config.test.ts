// GATEAI_FILE_STORE and its settings, the upload quotas: defaults, and every bad value reported.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { DEFAULT_UPLOAD_QUOTA_BYTES, DEFAULT_UPLOADS_PER_DAY } from "../../src/app/file-config.ts";

const load = (env: Record<string, string>) => loadConfig(env);
const errorsOf = (env: Record<string, string>) => {
  const loaded = load(env);
  return loaded.ok ? [] : loaded.errors;
};

describe("the file store configuration", () => {
  it("defaults to a directory under the data directory, and to the documented quotas", () => {
    const loaded = load({ GATEAI_DATA_DIR: "/var/gateai" });
    expect(loaded.ok && loaded.config.blobStore).toEqual({ kind: "filesystem", dir: join("/var/gateai", "files"), dirConfigured: false });
    expect(loaded.ok && loaded.config.uploadQuota).toEqual({ uploadsPerDay: DEFAULT_UPLOADS_PER_DAY, bytesStored: DEFAULT_UPLOAD_QUOTA_BYTES });
    const relative = load({ GATEAI_FILES_DIR: "./blobs" });
    expect(relative.ok && relative.config.blobStore).toEqual({ kind: "filesystem", dir: resolve("./blobs"), dirConfigured: true });
  });

  it("reads S3 settings; path-style follows a custom endpoint unless set", () => {
    const loaded = load({
      GATEAI_FILE_STORE: "s3", GATEAI_S3_BUCKET: "media", GATEAI_S3_ENDPOINT: "http://127.0.0.1:9000", GATEAI_S3_REGION: "eu-west-1",
      GATEAI_S3_ACCESS_KEY_ID: "id", GATEAI_S3_SECRET_ACCESS_KEY: "secret", GATEAI_S3_PREFIX: "gateai/files/", GATEAI_S3_SIGNED_URL_SECONDS: "600",
    });
    expect(loaded.ok && loaded.config.blobStore).toEqual({
      kind: "s3", bucket: "media", endpoint: "http://127.0.0.1:9000", region: "eu-west-1", credentials: { accessKeyId: "id", secretAccessKey: "secret" },
      forcePathStyle: true, prefix: "gateai/files/", signedUrlSeconds: 600,
    });
    const aws = load({ GATEAI_FILE_STORE: "s3", GATEAI_S3_BUCKET: "media" });
    expect(aws.ok && aws.config.blobStore).toEqual({ kind: "s3", bucket: "media", region: "us-east-1", forcePathStyle: false, signedUrlSeconds: 0 });
  });

  it("reports every bad value", () => {
    expect(errorsOf({ GATEAI_FILE_STORE: "ftp" })).toEqual([expect.stringContaining("GATEAI_FILE_STORE")]);
    const errors = errorsOf({
      GATEAI_FILE_STORE: "s3", GATEAI_S3_ENDPOINT: "not a url", GATEAI_S3_ACCESS_KEY_ID: "id", GATEAI_S3_FORCE_PATH_STYLE: "maybe",
      GATEAI_S3_PREFIX: "../up", GATEAI_S3_SIGNED_URL_SECONDS: "604801", GATEAI_UPLOADS_PER_DAY: "0", GATEAI_UPLOAD_QUOTA_BYTES: "1.5",
    });
    for (const name of ["GATEAI_S3_BUCKET", "GATEAI_S3_ENDPOINT", "GATEAI_S3_SECRET_ACCESS_KEY", "GATEAI_S3_FORCE_PATH_STYLE", "GATEAI_S3_PREFIX", "GATEAI_S3_SIGNED_URL_SECONDS", "GATEAI_UPLOADS_PER_DAY", "GATEAI_UPLOAD_QUOTA_BYTES"])
      expect(errors.some((e) => e.includes(name)), name).toBe(true);
  });
});
