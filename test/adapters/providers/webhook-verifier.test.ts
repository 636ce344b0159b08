// The webhook verifier's key sources: fal's JWKS read as a vendor answer is (at most 1 MiB), and a
// Replicate token whose signing secret could not be read asked for again within a minute, not kept
// missing for the hour the secrets are cached.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createWebhookVerifier } from "../../../src/adapters/providers/webhook-verifier.ts";

const secrets: Record<string, string> = { "r8_a": `whsec_${randomBytes(24).toString("base64")}`, "r8_b": `whsec_${randomBytes(24).toString("base64")}` };
/** Tokens whose secret the server refuses (500) for now. */
const failing = new Set<string>();
let secretReads = 0;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/jwks-huge") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ keys: [], pad: "x".repeat(2 * 1024 * 1024) }));
    }
    if (req.url === "/v1/webhooks/default/secret") {
      secretReads++;
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      if (failing.has(token)) return void res.writeHead(500).end();
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ key: secrets[token] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  vi.useRealTimers();
  failing.clear();
});

/** A Replicate webhook signed with `secret`, as Replicate signs them. */
function signed(secret: string, nowSeconds: number) {
  const body = Buffer.from(JSON.stringify({ id: "prediction-1", status: "succeeded" }));
  const id = "msg_1";
  const signature = createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(Buffer.concat([Buffer.from(`${id}.${nowSeconds}.`), body])).digest("base64");
  return { headers: { "webhook-id": id, "webhook-timestamp": String(nowSeconds), "webhook-signature": `v1,${signature}` }, body };
}

describe("the webhook verifier's key sources", () => {
  it("refuses a fal webhook when the JWKS answer is larger than 1 MiB, and says why", async () => {
    const verifier = createWebhookVerifier({ falJwksUrl: `${base}/jwks-huge` });
    const verdict = await verifier.verify("fal", {}, new Uint8Array(), Math.floor(Date.now() / 1000));
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining("without a JSON body of at most 1 MiB") });
  });

  it("asks again within a minute for a Replicate secret it could not read, and keeps a full set for the hour", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-12-06T00:00:00Z") });
    const verifier = createWebhookVerifier({ replicate: { baseUrl: base, tokens: ["r8_a", "r8_b"] } });
    const now = () => Math.floor(Date.now() / 1000);
    failing.add("r8_b");
    const fromB = signed(secrets.r8_b!, now());
    expect(await verifier.verify("replicate", fromB.headers, fromB.body, now())).toMatchObject({ ok: false });
    const fromA = signed(secrets.r8_a!, now());
    expect(await verifier.verify("replicate", fromA.headers, fromA.body, now())).toMatchObject({ ok: true, requestId: "prediction-1" });
    failing.clear();
    vi.setSystemTime(Date.now() + 61_000);
    const later = signed(secrets.r8_b!, now());
    expect(await verifier.verify("replicate", later.headers, later.body, now())).toMatchObject({ ok: true });
    // Both read now: kept, not read again a minute later.
    const reads = secretReads;
    vi.setSystemTime(Date.now() + 61_000);
    const again = signed(secrets.r8_b!, now());
    expect(await verifier.verify("replicate", again.headers, again.body, now())).toMatchObject({ ok: true });
    expect(secretReads).toBe(reads);
  });
});
