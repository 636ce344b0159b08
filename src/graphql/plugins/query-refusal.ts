import { createRequire } from "node:module";
import type { GraphQLError } from "graphql";

// The schema's own copy of graphql-js (see createSubscriptionSharing for why not an import).
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/**
 * The refusal of a document over one of the query limits (README "Limits on input"): `extensions`
 * `{ code: "QUERY_TOO_COMPLEX", limits }`, the bounds it went over. It is a request error, as a
 * validation failure is: HTTP 400 under `Accept: application/graphql-response+json`, 200 under
 * `application/json` (`http.spec`, which Yoga's result processor reads and drops from the answer).
 */
export const queryRefused = (why: string, limits: Readonly<Record<string, number>>): GraphQLError =>
  new graphql.GraphQLError(`Query refused: ${why}`, { extensions: { code: "QUERY_TOO_COMPLEX", limits, http: { spec: true, status: 400 } } });

/**
 * GraphQL Armor's `onReject` for one of its limits: throws the limit's refusal instead of Armor's
 * own error (a "Syntax Error: …" with no code, answered 200 whatever the media type). Armor calls
 * it just before it would throw, so validation (or parsing, for the token limit) stops as before.
 */
export const armorRefusal =
  (limits: Readonly<Record<string, number>>, advice: string) =>
  (_context: unknown, error: GraphQLError): never => {
    throw queryRefused(`${error.message.replace(/^Syntax Error: /, "")} ${advice}`, limits);
  };
