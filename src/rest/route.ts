import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiKeyRecord } from "../services/keys.ts";

/** One HTTP exchange as a REST handler sees it. */
export interface RestExchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The request target's path (src/rest/request-path.ts); the query is `requestQuery(req.url)`. */
  readonly path: string;
  /** For prefix routes: the raw (still percent-encoded) path after the prefix; "" otherwise. */
  readonly tail: string;
}

/** An exchange whose caller presented a valid API key. */
export interface AuthenticatedExchange extends RestExchange {
  readonly key: ApiKeyRecord;
}

export type Handler = (exchange: RestExchange) => Promise<void>;
export type AuthenticatedHandler = (exchange: AuthenticatedExchange) => Promise<void>;

export type Method = "GET" | "POST";

/** The handlers of one path, by method. */
export type PathRoutes = Readonly<Partial<Record<Method, Handler>>>;
