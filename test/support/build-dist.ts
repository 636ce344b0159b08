// Vitest globalSetup (projects that start a gateway or the render worker). Tests run the TypeScript
// source, but the render worker is always the compiled render-worker.js in dist/: no TypeScript
// loader runs in a worker thread (see render-thread.ts). Build dist/ first when a source is newer.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderWorkerEntry } from "../../src/adapters/providers/render/render-thread.ts";

export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  // --lenient: a type error fails `npm run typecheck`, not every test (tsc still emits the worker).
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale", "--lenient"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0 || !existsSync(renderWorkerEntry())) throw new Error("`node scripts/build.mjs` failed: the render worker is not built");
}
