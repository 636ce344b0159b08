/**
 * A fake of fal's queue API (https://docs.fal.ai/model-apis/model-endpoints/queue): submit,
 * status (IN_QUEUE → IN_PROGRESS → COMPLETED, one step per status poll), result, cancel,
 * `Authorization: Key <key>`, 401/422 error bodies as fal words them, webhooks signed with
 * ED25519 as https://docs.fal.ai/model-apis/model-endpoints/webhooks describes (JWKS served at
 * /.well-known/jwks.json), and injected faults.
 */
import { createHash, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { breakAnswer, json, noFaults, serveFile, startServer, type Faults } from "./http.ts";

interface FalRequest {
  readonly id: string;
  readonly app: string;
  readonly input: Record<string, unknown>;
  readonly key: string;
  readonly webhook?: string;
  statusPolls: number;
  cancelled: boolean;
  /** When it was submitted, first answered COMPLETED, and its result read (ms since the epoch). */
  readonly submittedAt: number;
  completedAt?: number;
  resultAt?: number;
}

export interface FakeFal {
  readonly url: string;
  readonly requests: Map<string, FalRequest>;
  /** Requests per method and path kind, for "one upstream request per poll" checks. */
  readonly calls: { submit: number; status: number; result: number; files: number };
  /** The Authorization header of each result file request (none should carry a key). */
  readonly fileAuthorizations: (string | undefined)[];
  readonly faults: Faults;
  /** The status poll that answers COMPLETED (default 3: IN_QUEUE, IN_PROGRESS, COMPLETED). */
  stepsToComplete: number;
  /** When set, a request completes this long after its submit however often it is polled (benches), instead of after `stepsToComplete` polls. */
  completeAfterMs?: number;
  /** The webhook fal would POST for a request: headers and raw body, signed (or forged with `forge`). */
  webhookFor(id: string, forge?: boolean): { headers: Record<string, string>; body: string };
  /** The JWKS fal publishes (its public webhook keys). */
  readonly jwks: { keys: unknown[] };
  close(): Promise<void>;
}

export async function startFakeFal(options: { keys: readonly string[] }): Promise<FakeFal> {
  const requests = new Map<string, FalRequest>();
  const calls = { submit: 0, status: 0, result: 0, files: 0 };
  const fileAuthorizations: (string | undefined)[] = [];
  const faults = noFaults();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  let base = "";
  const done = (r: FalRequest, now: number) =>
    fake.completeAfterMs === undefined ? r.statusPolls >= fake.stepsToComplete : now - r.submittedAt >= fake.completeAfterMs;

  const outputOf = (r: FalRequest) => {
    if (faults.resultUrls) return { images: faults.resultUrls.map((url) => ({ url, content_type: "image/png" })) };
    const file = (name: string, type: string) => ({ url: `${base}/files/${r.id}/${name}`, content_type: type, file_name: name });
    if (r.app.includes("rodin")) return { model_mesh: file("model.glb", "model/gltf-binary"), seed: 1 };
    if (/video|veo|sora|ltxv|seedance|hailuo|kling/.test(r.app)) return { video: file("video.mp4", "video/mp4"), seed: 1 };
    const n = typeof r.input.num_images === "number" ? r.input.num_images : 1;
    return { images: Array.from({ length: n }, (_, i) => ({ ...file(`image-${i}.png`, "image/png"), width: 8, height: 8 })), seed: 1 };
  };

  const server = await startServer(async (req, res, body, url) => {
    if (faults.hang) return; // never answers
    if (url.pathname === "/.well-known/jwks.json") return json(res, 200, { keys: [{ ...jwk, kid: "fake" }] });
    const fileMatch = /^\/files\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (fileMatch && req.method === "GET") {
      calls.files++;
      fileAuthorizations.push(req.headers.authorization);
      return serveFile(res, fileMatch[2]!, faults);
    }
    const auth = /^Key (.+)$/.exec(req.headers.authorization ?? "");
    if (!auth || !options.keys.includes(auth[1]!)) return json(res, 401, { detail: "No user found for Key ID and Secret" });
    const requestMatch = /^\/([^/]+\/[^/]+)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(url.pathname);
    if (requestMatch) {
      const r = requests.get(requestMatch[2]!);
      if (!r || r.key !== auth[1]) return json(res, 404, { detail: "Request not found" });
      if (requestMatch[3] === "/cancel" && req.method === "PUT") {
        r.cancelled = true;
        return json(res, 202, { status: "CANCELLATION_REQUESTED" });
      }
      if (requestMatch[3] === "/status" && req.method === "GET") {
        calls.status++;
        const broken = faults.pollBreaks.shift();
        if (broken) return breakAnswer(res, broken, 200, { status: r.statusPolls ? "IN_PROGRESS" : "IN_QUEUE", response_url: `${base}/${requestMatch[1]}/requests/${r.id}` });
        const injected = faults.pollStatuses.shift();
        if (injected) return json(res, injected, { detail: injected === 429 ? "Rate limit exceeded" : "injected" });
        r.statusPolls++;
        const now = Date.now();
        const status = done(r, now) ? "COMPLETED" : r.statusPolls === 1 ? "IN_QUEUE" : "IN_PROGRESS";
        if (status === "COMPLETED") r.completedAt ??= now;
        return json(res, 200, {
          status,
          ...(status === "IN_QUEUE" ? { queue_position: 0 } : {}),
          ...(status === "COMPLETED" ? { metrics: { inference_time: 1.25 } } : {}),
          response_url: `${base}/${requestMatch[1]}/requests/${r.id}`,
        });
      }
      if (!requestMatch[3] && req.method === "GET") {
        calls.result++;
        if (!done(r, Date.now())) return json(res, 400, { detail: "Request is still in progress" });
        const failure = faults.requestErrors?.shift();
        if (failure?.errorType) {
          res.setHeader("x-fal-error-type", failure.errorType);
          return json(res, failure.status, { detail: "Request timed out", error_type: failure.errorType });
        }
        if (failure) return json(res, failure.status, { detail: "Internal Server Error" });
        r.resultAt ??= Date.now();
        res.setHeader("x-fal-request-id", r.id);
        return json(res, 200, outputOf(r));
      }
    }
    if (req.method !== "POST") return json(res, 405, { detail: "Method not allowed" });
    calls.submit++;
    // A broken answer to a submit that queued nothing: the body is the shape of a queued answer, its id one fal never gave.
    const broken = faults.submitBreaks.shift();
    if (broken) return breakAnswer(res, broken, 200, { request_id: randomUUID(), status: "IN_QUEUE", queue_position: 0 });
    const injected = faults.submitStatuses.shift();
    if (injected === 429) res.setHeader("retry-after", "7");
    if (injected) return json(res, injected, { detail: injected === 429 ? "Rate limit exceeded" : injected === 422 ? [{ loc: ["body", "prompt"], msg: "injected validation error", type: "value_error" }] : "Internal error" });
    if (faults.garbage) {
      res.writeHead(200, { "content-type": "text/html" });
      return void res.end("<html>Bad gateway</html>");
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      return json(res, 422, { detail: [{ loc: ["body"], msg: "invalid JSON", type: "value_error.jsondecode" }] });
    }
    if (typeof input.prompt !== "string" && !url.pathname.includes("rodin"))
      return json(res, 422, { detail: [{ loc: ["body", "prompt"], msg: "field required", type: "value_error.missing" }] });
    const app = url.pathname.slice(1);
    const id = randomUUID();
    const webhook = url.searchParams.get("fal_webhook") ?? undefined;
    requests.set(id, { id, app, input, key: auth[1]!, statusPolls: 0, cancelled: false, submittedAt: Date.now(), ...(webhook ? { webhook } : {}) });
    const appBase = app.split("/").slice(0, 2).join("/");
    return json(res, 200, {
      request_id: id,
      status: "IN_QUEUE",
      queue_position: 0,
      response_url: `${base}/${appBase}/requests/${id}`,
      status_url: `${base}/${appBase}/requests/${id}/status`,
      cancel_url: `${base}/${appBase}/requests/${id}/cancel`,
    });
  });
  base = server.url;

  const fake: FakeFal = {
    url: server.url,
    requests,
    calls,
    fileAuthorizations,
    faults,
    stepsToComplete: 3,
    jwks: { keys: [{ ...jwk, kid: "fake" }] },
    webhookFor(id, forge = false) {
      const r = requests.get(id)!;
      const body = JSON.stringify({ request_id: id, gateway_request_id: id, status: "OK", payload: outputOf(r) });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const userId = "fake-user";
      const message = [id, userId, timestamp, createHash("sha256").update(body).digest("hex")].join("\n");
      const signature = forge ? "00".repeat(64) : sign(null, Buffer.from(message), privateKey).toString("hex");
      return {
        body,
        headers: {
          "content-type": "application/json",
          "x-fal-webhook-request-id": id,
          "x-fal-webhook-user-id": userId,
          "x-fal-webhook-timestamp": timestamp,
          "x-fal-webhook-signature": signature,
        },
      };
    },
    close: () => server.close(),
  };
  return fake;
}
