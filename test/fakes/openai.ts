/**
 * A fake of OpenAI's Images API (https://platform.openai.com/docs/api-reference/images/create):
 * `POST /v1/images/generations` answering `{created, data: [{b64_json}], usage}` (or `url`s with
 * `urlOutput`), `Authorization: Bearer <key>`, error bodies as OpenAI words them
 * (`{error: {message, type, param, code}}`), and injected faults.
 */
import { breakAnswer, json, noFaults, PNG, serveFile, startServer, type Faults } from "./http.ts";

export interface FakeOpenAI {
  readonly url: string;
  readonly calls: { generate: number; files: number };
  readonly bodies: Record<string, unknown>[];
  readonly faults: Faults;
  /** Answer with file URLs (on this fake) instead of base64. */
  urlOutput: boolean;
  /** Hold each answer until this resolves (a slow synchronous generation). */
  gate?: Promise<void>;
  close(): Promise<void>;
}

const openaiError = (message: string, type: string, code: string | null, param: string | null = null) => ({ error: { message, type, param, code } });

export async function startFakeOpenAI(options: { keys: readonly string[] }): Promise<FakeOpenAI> {
  const faults = noFaults();
  const calls = { generate: 0, files: 0 };
  const bodies: Record<string, unknown>[] = [];
  let base = "";
  const server = await startServer(async (req, res, body, url) => {
    if (faults.hang) return;
    const fileMatch = /^\/files\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (fileMatch && req.method === "GET") {
      calls.files++;
      return serveFile(res, fileMatch[2]!, faults);
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (!auth || !options.keys.includes(auth[1]!)) return json(res, 401, openaiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
    if (req.method !== "POST" || url.pathname !== "/v1/images/generations") return json(res, 404, openaiError("Unknown request URL", "invalid_request_error", "unknown_url"));
    calls.generate++;
    // The one call is both the submit and the status: `submitBreaks` break it (`pollBreaks` are not used).
    const broken = faults.submitBreaks.shift();
    if (broken) return breakAnswer(res, broken, 200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: PNG.toString("base64") }] });
    const injected = faults.submitStatuses.shift();
    if (injected === 429) return json(res, 429, openaiError("Rate limit reached for images per minute.", "requests", "rate_limit_exceeded"));
    // 402 stands for OpenAI's billing refusal, which it answers 429 with the type insufficient_quota.
    if (injected === 402) return json(res, 429, openaiError("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota"));
    if (injected === 400) return json(res, 400, openaiError("Your request was rejected as a result of our safety system.", "image_generation_user_error", "moderation_blocked"));
    if (injected) return json(res, injected, openaiError("The server had an error while processing your request.", "server_error", null));
    if (faults.garbage) {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"created": 1, "data": "nope"}');
    }
    const request = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    bodies.push(request);
    if (typeof request.prompt !== "string") return json(res, 400, openaiError("Missing required parameter: 'prompt'.", "invalid_request_error", "missing_required_parameter", "prompt"));
    if (request.size !== undefined && !/^(auto|\d+x\d+)$/.test(String(request.size)))
      return json(res, 400, openaiError(`Invalid value: '${String(request.size)}'.`, "invalid_request_error", "invalid_value", "size"));
    if (fake.gate) await fake.gate;
    const n = typeof request.n === "number" ? request.n : 1;
    const data = Array.from({ length: n }, (_, i) => (fake.urlOutput ? { url: faults.resultUrls?.[i] ?? `${base}/files/gen/img-${i}.png` } : { b64_json: PNG.toString("base64") }));
    // `usage` as GPT Image models report it: token counts, and the input's split into text and image tokens.
    const usage = { input_tokens: 12, output_tokens: 272 * n, total_tokens: 12 + 272 * n, input_tokens_details: { text_tokens: 12, image_tokens: 0 } };
    return json(res, 200, { created: Math.floor(Date.now() / 1000), data, usage });
  });
  base = server.url;
  const fake: FakeOpenAI = { url: server.url, calls, bodies, faults, urlOutput: false, close: () => server.close() };
  return fake;
}
