// A gateway whose S3 file store refuses its credentials (an operator's wrong secret, here against
// a local s3rver that checks signatures): an upload answers 503 SERVICE_UNAVAILABLE with
// Retry-After, as for any backing service that is down, not a 500, and the gateway keeps serving.
import { randomBytes } from "node:crypto";
import { FormData } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../../src/http/unavailable.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { startLocalS3, type LocalS3 } from "../support/s3rver.ts";
import { client, type Client } from "./http.ts";

let s3: LocalS3;
let gw: TestGateway;
let api: Client;
beforeAll(async () => {
  s3 = await startLocalS3();
  gw = await startGateway({
    env: {
      GATEAI_FILE_STORE: "s3", GATEAI_S3_BUCKET: s3.bucket, GATEAI_S3_ENDPOINT: s3.endpoint, 
      GATEAI_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey, GATEAI_S3_ACCESS_KEY_ID: "NOT-S3RVER",
    },
  });
  api = client(gw.url);
}, 60_000);
afterAll(async () => {
  await gw?.close();
  await s3?.close();
});

describe("an S3 file store that refuses the gateway's credentials", () => {
  it("answers an upload 503 SERVICE_UNAVAILABLE with Retry-After, and the gateway goes on answering", async () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1024)])], { type: "image/png" }), "a.png");
    const reply = await api.request("/api/upload", { method: "POST", body: form, key: gw.key });
    expect(reply.status).toBe(503);
    expect(reply.headers.get("retry-after")).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    expect(reply.body).toEqual({ error: UNAVAILABLE_MESSAGE, code: "SERVICE_UNAVAILABLE" });
    expect((await api.get("/credits", { key: gw.key })).status).toBe(200);
  });
});
