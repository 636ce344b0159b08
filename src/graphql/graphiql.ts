import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { GraphiQLOptions } from "graphql-yoga";

/**
 * GraphiQL on /graphql, offline: the page Yoga renders for a browser references only assets this
 * server serves under /graphql/graphiql/ (script, styles, Monaco's workers, icon), taken from
 * @graphql-yoga/render-graphiql, which bundles them (Yoga's default page loads them from a CDN,
 * and is blank without internet). They are served as files a browser caches, not inlined into
 * every page (about 9 MB). The bundle is loaded on the first request for it, so a gateway no one
 * opens GraphiQL on never holds it in memory.
 *
 * Yoga: https://the-guild.dev/graphql/yoga-server/docs/features/graphiql (renderGraphiQL,
 * @graphql-yoga/render-graphiql); the page mirrors render-graphiql's own template.
 */
export const GRAPHIQL_ASSETS_PATH = "/graphql/graphiql/";

/** The page's options: the Authorization header as a hint to fill in, subscriptions over graphql-ws. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: "GateAI GraphQL",
  subscriptionsProtocol: "SSE",
  defaultHeaders: JSON.stringify({ Authorization: "Bearer sk-your-api-key" }, null, 2),
  headers: JSON.stringify({ Authorization: "Bearer sk-your-api-key" }, null, 2),
  schemaDescription: true,
  inputValueDeprecation: true,
};

type Bundle = typeof import("@graphql-yoga/render-graphiql/graphiql");

interface Asset {
  readonly contentType: string;
  readonly body: (bundle: Bundle) => string;
}

const ASSETS: Readonly<Record<string, Asset>> = {
  "graphiql.js": { contentType: "text/javascript; charset=utf-8", body: (b) => b.js },
  "graphiql.css": { contentType: "text/css; charset=utf-8", body: (b) => b.css },
  "editor.worker.js": { contentType: "text/javascript; charset=utf-8", body: (b) => b.editorWorkerService },
  "json.worker.js": { contentType: "text/javascript; charset=utf-8", body: (b) => b.jsonWorker },
  "graphql.worker.js": { contentType: "text/javascript; charset=utf-8", body: (b) => b.graphqlWorker },
};

/** Every asset name the page references (the test checks each is served). */
export const GRAPHIQL_ASSET_NAMES: readonly string[] = [...Object.keys(ASSETS), "favicon.ico"];

/** `</script>` in a JSON value would end the inline script early. */
const inlineJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The GraphiQL page (Yoga's `renderGraphiQL` option). */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const assets = GRAPHIQL_ASSETS_PATH;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? "GraphiQL")}</title>
    <link rel="icon" href="${assets}favicon.ico" />
    <link rel="stylesheet" href="${assets}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (moduleId, label) {
          return ${inlineJson(assets)} + ({ json: "json.worker.js", graphql: "graphql.worker.js" }[label] || "editor.worker.js");
        },
      };
    </script>
    <script src="${assets}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${inlineJson(options)});
    </script>
  </body>
</html>
`;
}

/** The bundle module's file (its CommonJS build: a worker started from a string can `require` it). */
export const GRAPHIQL_BUNDLE_FILE = createRequire(import.meta.url).resolve("@graphql-yoga/render-graphiql/graphiql");

// The bundle is about 9 MB of JavaScript: parsing it takes hundreds of milliseconds. It is loaded on
// a worker thread, which hands back only its strings, so the first request for GraphiQL never holds
// the event loop that serves every other client.
const LOADER = `
const { parentPort, workerData } = require("node:worker_threads");
const m = require(workerData);
parentPort.postMessage({ js: m.js, css: m.css, editorWorkerService: m.editorWorkerService, jsonWorker: m.jsonWorker, graphqlWorker: m.graphqlWorker, favicon: m.favicon });
`;

/** Loads the bundle's strings on a worker thread (the main thread never evaluates the module). */
export function loadBundleOffThread(file: string = GRAPHIQL_BUNDLE_FILE): Promise<Bundle> {
  return new Promise<Bundle>((resolve, reject) => {
    const worker = new Worker(LOADER, { eval: true, workerData: file });
    worker.once("message", (strings: Bundle) => {
      resolve(strings);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the GraphiQL bundle loader exited (${code}) without the bundle`)));
  });
}

let bundle: Promise<Bundle> | undefined;
const loadBundle = (): Promise<Bundle> => {
  bundle ??= loadBundleOffThread().catch((error: unknown) => {
    bundle = undefined; // the next request tries again
    throw error;
  });
  return bundle;
};
const cache = new Map<string, Buffer>();

/** The favicon as bytes (the bundle holds it as a data: URL). */
const faviconOf = (b: Bundle): { contentType: string; bytes: Buffer } => {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(b.favicon);
  return match ? { contentType: match[1]!, bytes: Buffer.from(match[2]!, "base64") } : { contentType: "image/x-icon", bytes: Buffer.alloc(0) };
};

/**
 * Serves GET/HEAD /graphql/graphiql/<asset>; false for other paths. Assets are immutable for a
 * given build of the package, so browsers may cache them for a day.
 */
export async function serveGraphiQLAsset(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (!path.startsWith(GRAPHIQL_ASSETS_PATH)) return false;
  const name = path.slice(GRAPHIQL_ASSETS_PATH.length);
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (asset === undefined && name !== "favicon.ico") {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("No such GraphiQL asset\n");
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return true;
  }
  const loaded = await loadBundle();
  let contentType: string;
  let bytes = cache.get(name);
  if (asset === undefined) {
    const icon = faviconOf(loaded);
    contentType = icon.contentType;
    bytes ??= icon.bytes;
  } else {
    contentType = asset.contentType;
    bytes ??= Buffer.from(asset.body(loaded));
  }
  cache.set(name, bytes);
  res.writeHead(200, { "content-type": contentType, "content-length": bytes.length, "cache-control": "public, max-age=86400" });
  res.end(req.method === "HEAD" ? undefined : bytes);
  return true;
}
