// GraphQL clients for the integration tests: real HTTP (global fetch, i.e. undici), Server-Sent
// Events over HTTP, and graphql-ws over a real WebSocket (the `ws` package).
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type FormattedExecutionResult } from "graphql";
import { createClient, type Client as WsClient, type SubscribePayload } from "graphql-ws";
import { expect } from "vitest";
import WebSocket from "ws";

/** A query as text, or a typed document from test/generated/graphql.ts. */
export type Document<R = any, V = any> = string | TypedDocumentNode<R, V>;

const source = (document: Document): string => (typeof document === "string" ? document : print(document));

export interface CallOptions {
  /** An API key, sent as `Authorization: Bearer <key>`; null or absent: no Authorization. */
  readonly key?: string | null;
  /** More headers (they win), e.g. `x-admin-token`. */
  readonly headers?: Record<string, string>;
}

export interface GraphQLReply<R = any> {
  readonly status: number;
  readonly body: FormattedExecutionResult<R>;
}

const headersFor = (options: CallOptions, extra: Record<string, string>): Record<string, string> => ({
  ...extra,
  ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
  ...options.headers,
});

/** GraphQL over HTTP against one gateway. */
export function graphqlHttp(baseUrl: string) {
  async function post<R, V>(document: TypedDocumentNode<R, V>, variables: V, options?: CallOptions): Promise<GraphQLReply<R>>;
  async function post<R = any>(document: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<GraphQLReply<R>>;
  async function post(document: Document, variables: unknown = {}, options: CallOptions = {}): Promise<GraphQLReply> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: headersFor(options, { "content-type": "application/json", accept: "application/graphql-response+json, application/json" }),
      body: JSON.stringify({ query: source(document), variables }),
    });
    const text = await response.text();
    let body: FormattedExecutionResult;
    try {
      body = JSON.parse(text) as FormattedExecutionResult;
    } catch {
      throw new Error(`POST /graphql answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, body };
  }

  /** The `data` of an answer that must have no errors. */
  async function data<R, V>(document: TypedDocumentNode<R, V>, variables: V, options?: CallOptions): Promise<R>;
  async function data<R = any>(document: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<R>;
  async function data(document: Document, variables: unknown = {}, options: CallOptions = {}): Promise<unknown> {
    const reply = await post(document as string, variables as Record<string, unknown>, options);
    expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
    expect(reply.status).toBe(200);
    return reply.body.data;
  }

  return { post, data };
}

export type GraphQLHttp = ReturnType<typeof graphqlHttp>;

// --- graphql-ws ---

/** A graphql-ws client on the gateway's /graphql; `authorization` goes in connectionParams, `headers` on the upgrade request. */
export function wsClient(baseUrl: string, authorization?: string, headers?: Record<string, string>): WsClient {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: headers ? WithHeaders : WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription's results as they arrive (over any transport), with waits for conditions on them. */
export abstract class Recorded<R = any> {
  readonly results: FormattedExecutionResult<R>[] = [];
  completed = false;
  error: unknown = undefined;
  private readonly waiters = new Set<() => void>();

  protected push(result: FormattedExecutionResult<R>) {
    this.results.push(result);
    this.notify();
  }

  protected fail(error: unknown) {
    this.error = error;
    this.notify();
  }

  protected complete() {
    this.completed = true;
    this.notify();
  }

  /** The `data` of every result so far (results with errors fail the test). */
  get data(): R[] {
    for (const result of this.results) expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return this.results.map((result) => result.data as R);
  }

  private notify() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Waits until `check` returns "resolve" or an Error (checked now and after every change), or `timeoutMs`. */
  private wait(check: () => "resolve" | Error | undefined, timeoutMessage: () => string, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const run = () => {
        const outcome = check();
        if (outcome === undefined) return;
        finish();
        if (outcome === "resolve") resolve();
        else reject(outcome);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(timeoutMessage()));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(run);
      };
      this.waiters.add(run);
      run();
    });
  }

  /** Resolves once `condition` holds, or fails after `timeoutMs` (or when the stream ends first). */
  async until(condition: (data: R[]) => boolean, description: string, timeoutMs = 10_000): Promise<R[]> {
    await this.wait(
      () => {
        if (this.error !== undefined) return new Error(`subscription failed while waiting for ${description}: ${JSON.stringify(this.error)}`);
        if (condition(this.data)) return "resolve";
        if (this.completed) return new Error(`subscription completed before ${description}; got ${JSON.stringify(this.data)}`);
        return undefined;
      },
      () => `timed out after ${timeoutMs} ms waiting for ${description}; got ${JSON.stringify(this.results)}`,
      timeoutMs,
    );
    return this.data;
  }

  /** Resolves with every result's data once the server completes the subscription. */
  async done(timeoutMs = 10_000): Promise<R[]> {
    await this.wait(
      () => {
        if (this.error !== undefined) return new Error(`subscription failed: ${JSON.stringify(this.error)}`);
        return this.completed ? "resolve" : undefined;
      },
      () => `subscription not completed after ${timeoutMs} ms; got ${JSON.stringify(this.results)}`,
      timeoutMs,
    );
    return this.data;
  }
}

/** A graphql-ws subscription being recorded. */
export class Recording<R = any> extends Recorded<R> {
  private readonly unsubscribe: () => void;

  constructor(client: WsClient, payload: SubscribePayload) {
    super();
    this.unsubscribe = client.subscribe<R>(payload, {
      next: (result) => this.push(result as FormattedExecutionResult<R>),
      error: (error) => this.fail(error),
      complete: () => this.complete(),
    });
  }

  stop(): void {
    this.unsubscribe();
  }
}

export function record<R, V>(client: WsClient, document: TypedDocumentNode<R, V>, variables: V): Recording<R>;
export function record<R = any>(client: WsClient, document: string, variables?: Record<string, unknown>): Recording<R>;
export function record(client: WsClient, document: Document, variables: unknown = {}): Recording {
  return new Recording(client, { query: source(document), variables: variables as Record<string, unknown> });
}

// --- Server-Sent Events ---

export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/** Parses one SSE block ("event: x\ndata: y"); null for comments / keep-alives. */
function parseBlock(block: string): SseEvent | null {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(":") || line === "") continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return event === undefined && data.length === 0 ? null : { event, data: data.join("\n") };
}

/**
 * A subscription over SSE: POST /graphql with `accept: text/event-stream`. Results are recorded
 * as their `data:` lines arrive; `event: complete` completes it. `close()` aborts the request.
 */
export class SseRecording<R = any> extends Recorded<R> {
  /** Every `event:`/`data:` block so far, in order (comments and keep-alives left out). */
  readonly events: SseEvent[] = [];
  /** The response's status and content type, once its headers arrived. */
  readonly response: Promise<{ status: number; contentType: string | null }>;
  private readonly abort = new AbortController();

  constructor(baseUrl: string, document: Document, variables: Record<string, unknown>, options: CallOptions) {
    super();
    const responded = fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: headersFor(options, { "content-type": "application/json", accept: "text/event-stream" }),
      body: JSON.stringify({ query: source(document), variables }),
      signal: this.abort.signal,
    });
    this.response = responded.then((r) => ({ status: r.status, contentType: r.headers.get("content-type") }));
    void responded.then((r) => this.read(r)).catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.fail(error instanceof Error ? error.message : error);
    });
  }

  private async read(response: Response) {
    const decoder = new TextDecoder();
    let buffer = "";
    if (!response.body) return this.fail(`no body (status ${response.status})`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
        const parsed = parseBlock(block);
        if (!parsed) continue;
        this.events.push(parsed);
        if (parsed.event === "complete") {
          this.complete();
          return;
        }
        if (parsed.event === undefined || parsed.event === "next") this.push(JSON.parse(parsed.data) as FormattedExecutionResult<R>);
      }
    }
    if (!this.completed) this.fail(`the stream ended without "event: complete" (status ${response.status})`);
  }

  close(): void {
    this.abort.abort();
  }
}

/** Opens a subscription over SSE (see SseRecording). */
export function sse<R = any>(baseUrl: string, document: Document, variables: Record<string, unknown> = {}, options: CallOptions = {}): SseRecording<R> {
  return new SseRecording<R>(baseUrl, document, variables, options);
}
