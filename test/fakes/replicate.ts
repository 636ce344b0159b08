/**
 * A fake of Replicate's predictions API (https://replicate.com/docs/reference/http): create (by
 * model, `POST /v1/models/{owner}/{name}/predictions`, or by version, `POST /v1/predictions` with a
 * `version` of one of the forms https://replicate.com/changelog/2025-08-05-run-all-models-with-the-same-api-endpoint
 * lists: `{owner}/{name}`, `{owner}/{name}:{version_id}` or the 64-character `{version_id}`; a
 * version the account does not know is a 422 "Invalid version or not permitted"), get (starting →
 * processing with a log progress bar → succeeded, one step per get), cancel, `Authorization:
 * Bearer <token>`, error bodies as Replicate words them (`{title, detail, status}`), webhooks
 * signed as https://replicate.com/docs/topics/webhooks/verify-webhook says, and injected faults.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { breakAnswer, json, noFaults, serveFile, startServer, type Faults } from "./http.ts";

interface Prediction {
  readonly id: string;
  /** The path of the create request that made it: `/v1/models/{owner}/{name}/predictions` or `/v1/predictions`. */
  readonly path: string;
  readonly model: string;
  readonly version?: string;
  readonly input: Record<string, unknown>;
  readonly token: string;
  /** The `webhook` and `webhook_events_filter` the create carried (absent when it carried none). */
  readonly webhook?: string;
  readonly webhookEventsFilter?: unknown;
  gets: number;
  status: string;
}

export interface FakeReplicate {
  readonly url: string;
  readonly predictions: Map<string, Prediction>;
  readonly calls: { create: number; get: number; files: number };
  readonly faults: Faults;
  /** The get that answers `succeeded` (default 3: starting, processing, succeeded). */
  stepsToComplete: number;
  /** Make the next predictions end `failed` with this error. */
  failWith?: string;
  /** The account's webhook signing secret (`whsec_…`). */
  readonly webhookSecret: string;
  /** The model versions a create by version may name: 64-hex version id → `owner/name`. */
  readonly versions: Map<string, string>;
  webhookFor(id: string, forge?: boolean): { headers: Record<string, string>; body: string };
  close(): Promise<void>;
}

const error = (status: number, detail: string) => ({ title: status === 422 ? "Input validation failed" : status === 429 ? "Request was throttled" : "Error", detail, status });

export async function startFakeReplicate(options: { tokens: readonly string[] }): Promise<FakeReplicate> {
  const predictions = new Map<string, Prediction>();
  const calls = { create: 0, get: 0, files: 0 };
  const faults = noFaults();
  const versions = new Map<string, string>();
  const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;
  let base = "";

  const view = (p: Prediction) => {
    const n = typeof p.input.num_outputs === "number" ? p.input.num_outputs : 1;
    const video = /veo|sora|seedance|video/.test(p.model);
    const output =
      p.status !== "succeeded"
        ? null
        : faults.resultUrls ?? (video ? `${base}/files/${p.id}/output.mp4` : Array.from({ length: n }, (_, i) => `${base}/files/${p.id}/out-${i}.png`));
    return {
      id: p.id,
      model: p.model,
      version: p.version ?? "hidden",
      input: p.input,
      status: p.status,
      output,
      error: p.status === "failed" ? fake.failWith : null,
      logs: p.status === "processing" ? "Using seed: 1\n 50%|█████     | 2/4 [00:01<00:01]" : "",
      metrics: p.status === "succeeded" ? { predict_time: 2.5 } : {},
      created_at: new Date().toISOString(),
      urls: { get: `${base}/v1/predictions/${p.id}`, cancel: `${base}/v1/predictions/${p.id}/cancel`, web: `${base}/p/${p.id}` },
    };
  };

  const server = await startServer(async (req, res, body, url) => {
    if (faults.hang) return;
    const fileMatch = /^\/files\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (fileMatch && req.method === "GET") {
      calls.files++;
      return serveFile(res, fileMatch[2]!, faults);
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (!auth || !options.tokens.includes(auth[1]!)) return json(res, 401, error(401, "You did not pass a valid authentication token"));
    if (url.pathname === "/v1/webhooks/default/secret" && req.method === "GET") return json(res, 200, { key: webhookSecret });
    const get = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    if (get) {
      const p = predictions.get(get[1]!);
      if (!p || p.token !== auth[1]) return json(res, 404, error(404, "Not found."));
      if (get[2] && req.method === "POST") {
        p.status = "canceled";
        return json(res, 200, view(p));
      }
      calls.get++;
      const broken = faults.pollBreaks.shift();
      if (broken) return breakAnswer(res, broken, 200, view(p));
      const injected = faults.pollStatuses.shift();
      if (injected) return json(res, injected, error(injected, injected === 429 ? "Request was throttled." : "injected"));
      p.gets++;
      if (p.status !== "canceled") p.status = p.gets >= fake.stepsToComplete ? (fake.failWith ? "failed" : "succeeded") : p.gets === 1 ? "starting" : "processing";
      return json(res, 200, view(p));
    }
    const byModel = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(url.pathname);
    if (req.method !== "POST" || (!byModel && url.pathname !== "/v1/predictions")) return json(res, 404, error(404, "Not found."));
    calls.create++;
    // A broken answer to a create that made nothing: the body is the shape of a prediction, its id one Replicate never gave.
    const broken = faults.submitBreaks.shift();
    if (broken) return breakAnswer(res, broken, 201, { id: randomUUID().replace(/-/g, "").slice(0, 26), status: "starting", output: null });
    const injected = faults.submitStatuses.shift();
    if (injected) return json(res, injected, error(injected, injected === 422 ? "- input.prompt: Invalid type. Expected: string" : "injected"));
    if (faults.garbage) {
      res.writeHead(201, { "content-type": "application/json" });
      return void res.end('{"id": ');
    }
    let payload: { input?: Record<string, unknown>; version?: string; webhook?: unknown; webhook_events_filter?: unknown };
    try {
      payload = JSON.parse(body.toString("utf8")) as typeof payload;
    } catch {
      return json(res, 400, error(400, "Invalid JSON"));
    }
    if (!payload.input || typeof payload.input !== "object") return json(res, 422, error(422, "- input: Invalid type. Expected: object"));
    let model = byModel?.[1];
    let version: string | undefined;
    if (!byModel) {
      if (typeof payload.version !== "string" || !payload.version) return json(res, 422, error(422, "- version is required"));
      const named = /^(?:([^/:]+\/[^/:]+)(?::([0-9a-f]{64}))?|([0-9a-f]{64}))$/.exec(payload.version);
      version = named?.[2] ?? named?.[3];
      model = named?.[1] ?? (version ? versions.get(version) : undefined);
      const known = named && (!version || (versions.has(version) && versions.get(version) === model));
      if (!known) return json(res, 422, { title: "Invalid version or not permitted", detail: "Invalid version or not permitted", status: 422 });
    }
    const id = randomUUID().replace(/-/g, "").slice(0, 26);
    const p: Prediction = {
      id,
      path: url.pathname,
      model: model!,
      ...(version ? { version } : {}),
      input: payload.input,
      token: auth[1]!,
      ...(typeof payload.webhook === "string" ? { webhook: payload.webhook } : {}),
      ...(payload.webhook_events_filter !== undefined ? { webhookEventsFilter: payload.webhook_events_filter } : {}),
      gets: 0,
      status: "starting",
    };
    predictions.set(id, p);
    return json(res, 201, view(p));
  });
  base = server.url;

  const fake: FakeReplicate = {
    url: server.url,
    predictions,
    calls,
    faults,
    stepsToComplete: 3,
    webhookSecret,
    versions,
    webhookFor(id, forge = false) {
      const p = predictions.get(id)!;
      const body = JSON.stringify(view(p));
      const webhookId = `msg_${randomUUID()}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const key = Buffer.from(webhookSecret.slice("whsec_".length), "base64");
      const signature = forge ? randomBytes(32).toString("base64") : createHmac("sha256", key).update(`${webhookId}.${timestamp}.${body}`).digest("base64");
      return { body, headers: { "content-type": "application/json", "webhook-id": webhookId, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` } };
    },
    close: () => server.close(),
  };
  return fake;
}
