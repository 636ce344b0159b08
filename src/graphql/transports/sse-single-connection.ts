import type { IncomingMessage, ServerResponse } from "node:http";
import { requestQuery } from "../../http/request-path.ts";

export const SINGLE_CONNECTION_REFUSED =
  "graphql-sse's single connection mode is not supported: use its distinct connections mode (createClient without `singleConnection`, " +
  "one POST with Accept: text/event-stream per subscription, on /graphql) or graphql-ws on /graphql.";

/**
 * graphql-sse's "single connection mode" (a PUT reserving a stream token, then a GET event
 * stream and POSTs carrying it in `X-GraphQL-Event-Stream-Token` or `?token=`) is refused with
 * 501 and a GraphQL error that says what to use instead; without this it met a bare 405 or 404.
 * Distinct connections mode (the protocol's default) is plain SSE on /graphql and works.
 * Protocol: https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md
 */
export function refusedSingleConnectionSse(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const singleConnection =
    path === "/graphql/stream" ||
    (path === "/graphql" &&
      (req.method === "PUT" || req.headers["x-graphql-event-stream-token"] !== undefined || (req.url?.includes("token=") === true && requestQuery(req.url).has("token"))));
  if (!singleConnection) return false;
  const body = JSON.stringify({ errors: [{ message: SINGLE_CONNECTION_REFUSED, extensions: { code: "SINGLE_CONNECTION_MODE_UNSUPPORTED" } }] });
  res.writeHead(501, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
}
