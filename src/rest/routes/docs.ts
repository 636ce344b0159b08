import { readFile } from "node:fs/promises";
import type { Handler } from "../route.ts";

/** The API document shipped with the gateway (docs/gateai-core-api.md at the repository root). */
export const apiDocumentPath = new URL("../../../docs/gateai-core-api.md", import.meta.url);

/** GET /docs.txt (no auth): the API document as plain text, read once on first request. */
export function docsRoute(path: URL = apiDocumentPath): Handler {
  let document: Promise<Buffer> | undefined;
  return async ({ res }) => {
    // A failed read is not cached: the next request tries again.
    document ??= readFile(path).catch((error: unknown) => {
      document = undefined;
      throw error;
    });
    const text = await document;
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": text.length, "cache-control": "public, max-age=300" });
    res.end(text);
  };
}
