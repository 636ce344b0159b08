// The web console's static files (src/app/console-assets.ts) on a plain HTTP server: redirects,
// content types, caching by kind of file, revalidation, and paths that must not reach a file.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleFace } from "../../src/app/console-assets.ts";
import { closeServer, createHttpServer, listen } from "../../src/app/http-server.ts";

const INDEX = "<!doctype html><title>console</title>";
const SCRIPT = "console.log('bundle')";

async function serve(dir: string) {
  const server = createHttpServer([createConsoleFace(dir)], pino({ level: "silent" }));
  const { url } = await listen(server, 0, "127.0.0.1");
  return { url, close: () => closeServer(server) };
}

describe("the console's files", () => {
  let dir: string;
  let site: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gateai-console-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), INDEX);
    await writeFile(join(dir, "assets", "index-abc123.js"), SCRIPT);
    await writeFile(join(dir, "assets", "index-abc123.css"), "body{}");
    await writeFile(join(dir, ".env"), "SECRET=1");
    site = await serve(dir);
  });
  afterAll(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("redirects / and /console to /console/", async () => {
    for (const path of ["/", "/console"]) {
      const response = await fetch(`${site.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe("/console/");
    }
  });

  it("serves index.html for the console's pages, revalidated each time, under a content security policy", async () => {
    for (const path of ["/console/", "/console/generate"]) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("serves hashed assets with their content type, cached for a year as immutable", async () => {
    const script = await fetch(`${site.url}/console/assets/index-abc123.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await script.text()).toBe(SCRIPT);
    const style = await fetch(`${site.url}/console/assets/index-abc123.css`);
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
    await style.arrayBuffer();
  });

  it("answers 304 to a request that holds the current ETag", async () => {
    const first = await fetch(`${site.url}/console/`);
    await first.text();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${site.url}/console/`, { headers: { "if-none-match": etag! } });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("gzips text files for a client that accepts it, with an ETag of its own", async () => {
    const plain = await fetch(`${site.url}/console/assets/index-abc123.js`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("accept-encoding");
    expect(await plain.text()).toBe(SCRIPT);
    const zipped = await fetch(`${site.url}/console/assets/index-abc123.js`, { headers: { "accept-encoding": "gzip, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect(await zipped.text()).toBe(SCRIPT);
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await fetch(`${site.url}/console/assets/index-abc123.js`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(SCRIPT.length));
    expect(await response.text()).toBe("");
  });

  it("refuses other methods with 405 and the allowed ones", async () => {
    const response = await fetch(`${site.url}/console/`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect((await response.json()).code).toBe("METHOD_NOT_ALLOWED");
  });

  it("answers 404 for a missing file, a hidden file and an encoded way out of the folder", async () => {
    for (const path of ["/console/assets/missing.js", "/console/.env", "/console/assets/..%2f..%2foutside.txt", "/console/%2e%2e/outside.txt"]) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status, path).toBe(404);
      expect((await response.json()).code, path).toBe("NOT_FOUND");
    }
  });

  it("leaves paths outside /console to the other faces", async () => {
    const response = await fetch(`${site.url}/console-x/app.js`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/No route/);
  });

  it("answers 503 with a code when the console was not built", async () => {
    const empty = await mkdtemp(join(tmpdir(), "gateai-console-empty-"));
    const unbuilt = await serve(empty);
    try {
      const response = await fetch(`${unbuilt.url}/console/`);
      expect(response.status).toBe(503);
      expect((await response.json()).code).toBe("CONSOLE_NOT_BUILT");
    } finally {
      await unbuilt.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
