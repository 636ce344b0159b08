import { GraphQLError } from "graphql";
import { maskError } from "graphql-yoga";
import { isServiceUnavailable, unavailableAnswer, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../../http/unavailable.ts";

/**
 * Yoga's error mask (https://the-guild.dev/graphql/yoga-server/docs/features/error-masking), with
 * one exception: an error caused by a backing service that is down becomes SERVICE_UNAVAILABLE,
 * with HTTP 503 and Retry-After through Yoga's `extensions.http` (the same rule as REST's,
 * src/http/unavailable.ts). Everything else unexpected is masked as before.
 */
export function maskUnavailable(error: unknown, message: string, isDev?: boolean): Error {
  if (isServiceUnavailable(error)) {
    const { message, taskId } = unavailableAnswer(error);
    return new GraphQLError(message, {
      extensions: {
        code: "SERVICE_UNAVAILABLE",
        ...(taskId ? { taskId } : {}),
        retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
        http: { status: 503, headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
      },
    });
  }
  return maskError(error, message, isDev);
}
