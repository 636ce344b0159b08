// Vite builds the console into dist/console, served by the gateway at /console
// (src/app/console-assets.ts). scripts/build.mjs runs this build during `npm ci` and `npm start`.
// Vite 8 transforms TypeScript and JSX with Oxc: Preact's automatic runtime needs no plugin.
//   https://vite.dev/config/shared-options.html#oxc
//   https://oxc.rs/docs/guide/usage/transformer/jsx (runtime "automatic", importSource)
//   https://vite.dev/guide/build.html#public-base-path
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  publicDir: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/console", import.meta.url)),
    emptyOutDir: true,
    // Hashed file names: the gateway caches /console/assets/* for a year (immutable).
    assetsDir: "assets",
    // three.js (the .glb preview) is its own chunk, loaded only with a 3D result.
    chunkSizeWarningLimit: 800,
  },
  // `npm run console:dev`: the console with hot reload, the API from a running gateway
  // (GATEAI_URL, default http://127.0.0.1:4000), WebSocket subscriptions included.
  server: {
    proxy: Object.fromEntries(
      ["/graphql", "/files"].map((path) => [path, { target: process.env.GATEAI_URL ?? "http://127.0.0.1:4000", ws: path === "/graphql" }]),
    ),
  },
});
