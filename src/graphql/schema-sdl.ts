import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLSchema } from "graphql";
import { schemaGraphql } from "./support/schema-graphql.ts";

// Printing refuses a schema of another graphql-js copy than the schema's.
const { printSchema, lexicographicSortSchema } = schemaGraphql;

export const SCHEMA_SDL_PATH = "/graphql/schema.graphql";

/**
 * GET /graphql/schema.graphql: the SDL, printed as schema.graphql is (sorted), for code
 * generators. Unlike introspection it keeps directives such as `@oneOf` on GenerateInput, so a
 * client generated from it types "exactly one model" instead of an all-optional input. Public,
 * as introspection is.
 */
export function schemaSdlRoute(schema: GraphQLSchema) {
  let sdl: Buffer | undefined;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
      return;
    }
    sdl ??= Buffer.from(`${printSchema(lexicographicSortSchema(schema))}\n`);
    res.writeHead(200, { "content-type": "application/graphql; charset=utf-8", "content-length": sdl.length, "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : sdl);
  };
}
