import { createRequire } from "node:module";
import type { Plugin } from "graphql-yoga";

// The schema's own copy of graphql-js (see createSubscriptionSharing for why not an import).
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** What a subscription over HTTP must accept: its events come as Server-Sent Events. */
const EVENT_STREAM = "text/event-stream";

export const SUBSCRIPTION_NEEDS_EVENT_STREAM =
  "A subscription over HTTP answers with Server-Sent Events: send `Accept: text/event-stream` (or subscribe over graphql-ws on /graphql)";

/**
 * A subscription sent over HTTP (Yoga: POST or GET) whose Accept does not name
 * `text/event-stream` is answered at once with 406 and a GraphQL error saying so, before its
 * source stream starts. Without this, an Accept of any type (or none) opened an event stream that never
 * ends, which a client waiting for JSON reads as a request that never answers, and
 * `Accept: application/json` started the subscription only to answer 406 without a word.
 * graphql-ws subscriptions (no Fetch `request` in the context) are not concerned.
 */
export function useSubscriptionsOverHttpNeedEventStream(): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      if (!request) return;
      const accept = request.headers.get("accept")?.toLowerCase() ?? "";
      if (accept.includes(EVENT_STREAM)) return;
      setResultAndStopExecution({
        errors: [new graphql.GraphQLError(SUBSCRIPTION_NEEDS_EVENT_STREAM, { extensions: { code: "NOT_ACCEPTABLE", http: { status: 406 } } })],
      });
    },
  };
}
