// The web console's files (console/, built by Vite into dist/console by scripts/build.mjs), served
// at /console, with `/` redirecting there. Vite names the bundled assets by content hash, so
// /console/assets/* are cached for a year as immutable; every other file (index.html above all)
// is revalidated on each load by its ETag, so a rebuilt console is picked up at once. Text files
// go gzipped to a client that accepts it.
//   https://vite.dev/guide/build.html#public-base-path
//   https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cache-Control#immutable
//   https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { sendMethodNotAllowed } from "../rest/failures.ts";
import { sendError } from "../rest/respond.ts";
import type { Face } from "./http-server.ts";

export const CONSOLE_PATH = "/console";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt"]);
const gzipAsync = promisify(gzip);

/**
 * Gzipped copies of the console's text files, made once per file version (off the event loop, on
 * libuv's pool) and kept: the console is about a megabyte, so the cache is bounded by the build.
 */
type GzipCache = Map<string, { readonly etag: string; readonly body: Promise<Buffer> }>;

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/**
 * The page may run only its own scripts and styles; results (images, videos, .glb) and the API
 * may live on another origin (GATEAI_PUBLIC_URL, a file store), so those stay open.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src * data: blob:",
  "media-src * blob:",
  "connect-src *",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A file path under the console: names of letters, digits, `_`, `-` and `.`, none starting with a
 * dot (no dot segment, no hidden file) and no `%` (nothing a decoder could turn into one).
 */
const SAFE_RELATIVE = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;
const MAX_PATH = 256;

function sendNotFound(res: ServerResponse, path: string): void {
  sendError(res, 404, { code: "NOT_FOUND", message: `No route for GET ${path.slice(0, MAX_PATH)}` });
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "cache-control": REVALIDATE, "content-length": "0" });
  res.end();
}

const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string, gzipped: GzipCache): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const version = `${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}`;
  const compress = COMPRESSIBLE.has(extname(file)) && acceptsGzip(req);
  const etag = compress ? `"${version}-gz"` : `"${version}"`;
  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": cacheControl,
    etag,
    "x-content-type-options": "nosniff",
  };
  if (COMPRESSIBLE.has(extname(file))) headers.vary = "accept-encoding";
  if (file.endsWith(".html")) headers["content-security-policy"] = CSP;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (compress) {
    let entry = gzipped.get(file);
    if (entry?.etag !== etag) {
      entry = { etag, body: readFile(file).then((raw) => gzipAsync(raw)) };
      gzipped.set(file, entry);
    }
    const body = await entry.body.catch(() => undefined);
    if (body === undefined) {
      gzipped.delete(file);
      return false;
    }
    headers["content-encoding"] = "gzip";
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
  headers["content-length"] = String(info.size);
  res.writeHead(200, headers);
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on("error", () => {
      res.destroy();
      resolve();
    });
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
  return true;
}

/**
 * The console face: GET/HEAD `/` (302 to /console/), `/console` (302 to /console/), and files
 * under /console/ from `dir`. A path without a file extension is a page of the console and gets
 * index.html. Other methods are 405; a missing file is 404; an unbuilt console is 503.
 */
export function createConsoleFace(dir: string): Face {
  const root = dir.endsWith(sep) ? dir : dir + sep;
  const gzipped: GzipCache = new Map();
  return async (req, res, path) => {
    if (path !== "/" && path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendMethodNotAllowed(res, req.method ?? "", ["GET", "HEAD"]);
      return true;
    }
    if (path === "/" || path === CONSOLE_PATH) {
      redirect(res, `${CONSOLE_PATH}/`);
      return true;
    }
    const relative = path.slice(CONSOLE_PATH.length + 1);
    if (relative !== "" && (relative.length > MAX_PATH || !SAFE_RELATIVE.test(relative))) {
      sendNotFound(res, path);
      return true;
    }
    if (relative === "" || !extname(relative)) {
      if (!(await sendFile(req, res, join(root, "index.html"), REVALIDATE, gzipped))) {
        sendError(res, 503, { code: "CONSOLE_NOT_BUILT", message: "The web console is not built: run `npm run build`" });
      }
      return true;
    }
    const file = join(root, relative);
    if (!file.startsWith(root) || !(await sendFile(req, res, file, relative.startsWith("assets/") ? IMMUTABLE : REVALIDATE, gzipped))) sendNotFound(res, path);
    return true;
  };
}

/** dist/console of this checkout: from src/app (tsx) and from dist/app (node) alike. */
export const builtConsoleDir = (): string => fileURLToPath(new URL("../../dist/console/", import.meta.url));
