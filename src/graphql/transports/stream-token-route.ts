import type { IncomingMessage, ServerResponse } from "node:http";
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { authenticateKey, bearerToken } from "../../http/auth.ts";
import type { AuthThrottle } from "../../http/auth-throttle.ts";
import { sendAuthThrottled } from "./auth-throttled.ts";
import { requestQuery } from "../../http/request-path.ts";
import { createStreamTokens } from "../../http/stream-token.ts";
import type { GatewayServices } from "../../services/gateway-services.ts";
import { callerAddress } from "../context.ts";
import { callerOfHttp } from "./yoga-http.ts";

export const STREAM_TOKEN_PATH = "/graphql/stream-token";

/**
 * Whether a GET's document runs a subscription and nothing else: the operation it names, or its
 * only one. A token sealed for EventSource must not read what the key reads (a query over an
 * event stream answers once, as any query). The URL bounds the document (Node's header limit).
 */
function onlySubscriptions(params: URLSearchParams): boolean {
  let document: DocumentNode;
  try {
    document = parse(params.get("query") ?? "");
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const name = params.get("operationName");
  const chosen = name ? operations.filter((o) => o.name?.value === name) : operations;
  return chosen.length === 1 && chosen[0]!.operation === "subscription";
}

const sendError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void => {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
};

/**
 * Stream tokens on the GraphQL face (src/http/stream-token.ts): `POST /graphql/stream-token`
 * trades the bearer key for a token of a minute, and a `GET /graphql` event stream
 * (`Accept: text/event-stream`, as EventSource sends) with `?streamToken=` is authenticated as the
 * key it seals. A wrong key counts against the address like any failed authentication.
 */
export function createStreamTokenRoute(services: GatewayServices, throttle: AuthThrottle) {
  const tokens = createStreamTokens(services.config.streamTokenSecret);
  return {
    async issue(req: IncomingMessage, res: ServerResponse): Promise<void> {
      if (req.method !== "POST") return sendError(res, 405, "METHOD_NOT_ALLOWED", "POST with Authorization: Bearer sk-… to get a stream token", { allow: "POST" });
      const rawKey = bearerToken(req.headers.authorization);
      const address = callerAddress(callerOfHttp(req.headers, req.socket.remoteAddress), services.config);
      const outcome = await authenticateKey(services.keys, throttle, rawKey, address);
      if (outcome.kind === "throttled") return sendAuthThrottled(res, outcome.retryAfterMs);
      if (outcome.kind !== "key") return sendError(res, 401, "UNAUTHORIZED", "A valid API key is required: Authorization: Bearer sk-...");
      const { token, expiresAt } = tokens.seal(rawKey!, services.clock.now());
      const body = JSON.stringify({ token, expiresAt: new Date(expiresAt).toISOString() });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
      res.end(body);
    },

    /**
     * A GET /graphql carrying `streamToken`: an event stream authenticated by it (true: go on to
     * Yoga), or answered here with 401 (false) when the token is wrong or expired, or the request
     * is no event stream (a token opens subscriptions only).
     */
    admit(req: IncomingMessage, res: ServerResponse): boolean {
      if (req.method !== "GET" || !req.url?.includes("streamToken=")) return true;
      const params = requestQuery(req.url);
      const token = params.get("streamToken");
      if (token === null) return true;
      if (!req.headers.accept?.includes("text/event-stream")) {
        sendError(res, 406, "NOT_ACCEPTABLE", "A stream token opens event streams only: send Accept: text/event-stream (EventSource does)");
        return false;
      }
      if (!onlySubscriptions(params)) {
        sendError(res, 400, "BAD_REQUEST", "A stream token opens subscriptions only: send queries and mutations with Authorization: Bearer sk-…");
        return false;
      }
      const rawKey = tokens.open(token, services.clock.now());
      if (rawKey === undefined) {
        sendError(res, 401, "STREAM_TOKEN_INVALID", "This stream token is unknown or expired: get a new one from POST /graphql/stream-token");
        return false;
      }
      req.headers.authorization = `Bearer ${rawKey}`;
      return true;
    },
  };
}
