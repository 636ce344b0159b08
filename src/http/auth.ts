/**
 * The API key of `Authorization: Bearer <key>`, the one form both faces accept: the scheme in any
 * case (`bearer`, `BEARER`), then one token. Anything else (no header, a bare key, another scheme,
 * several words) presents no key, so REST answers 401 and GraphQL `Unauthorized`. The same rule
 * reads graphql-ws `connectionParams.authorization`. Only the first value of a repeated header
 * counts.
 */
export function bearerToken(value: unknown): string | undefined {
  const header = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof header !== "string") return undefined;
  return BEARER.exec(header)?.[1];
}

const BEARER = /^[ \t]*bearer[ \t]+([^\s]+)[ \t]*$/i;
