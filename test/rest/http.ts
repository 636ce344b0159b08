// Real HTTP against a running test gateway (undici's fetch).
import { Agent, fetch, type RequestInit, type Response } from "undici";

// A fresh connection per request. With keep-alive, a request sent on an idle connection races the
// server's keep-alive timeout; when the simulated provider's rendering blocks the gateway's
// event loop for a while, the timeout fires first and the request fails with "other side closed".
const dispatcher = new Agent({ pipelining: 0 });

export interface Reply<T = any> {
  readonly status: number;
  readonly headers: Response["headers"];
  /** The parsed JSON body (undefined when the body is not JSON). */
  readonly body: T;
  readonly text: string;
}

export interface CallOptions {
  /** Sent as `Authorization: Bearer <key>`. */
  readonly key?: string;
  readonly headers?: Record<string, string>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

const headersOf = (options: CallOptions, extra: Record<string, string> = {}): Record<string, string> => ({
  ...extra,
  ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
  ...options.headers,
});

/** A small client bound to one gateway. */
export function client(baseUrl: string) {
  return {
    get: async (path: string, options: CallOptions = {}) => reply(await fetch(baseUrl + path, { headers: headersOf(options), dispatcher })),
    post: async (path: string, body: unknown, options: CallOptions = {}) =>
      reply(
        await fetch(baseUrl + path, {
          method: "POST",
          headers: headersOf(options, { "content-type": "application/json" }),
          body: typeof body === "string" ? body : JSON.stringify(body),
          dispatcher,
        }),
      ),
    request: async (path: string, init: RequestInit & CallOptions = {}) =>
      reply(await fetch(baseUrl + path, { ...init, headers: headersOf(init, (init.headers as Record<string, string>) ?? {}), dispatcher })),
    /** The raw response, for file bytes. */
    fetch: (path: string, init: RequestInit = {}) => fetch(path.startsWith("http") ? path : baseUrl + path, { ...init, dispatcher }),
  };
}

export type Client = ReturnType<typeof client>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
