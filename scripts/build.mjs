// Compiles src/ to dist/ (tsconfig.build.json), which `npm start` runs with plain node.
//   node scripts/build.mjs             build (incremental: tsc -b only recompiles what changed)
//   node scripts/build.mjs --if-stale  build only if a source is newer than the last build (prestart)
//   --lenient                          a type error is reported, but what tsc emitted is kept (exit 0)
// Then the web console (console/, Vite) is bundled into dist/console when it is missing or older
// than a file of console/ (always, without --if-stale). Without Vite (an install without dev
// dependencies) the console is skipped with a message: the gateway runs, /console answers 503.
// After a build, compiled files whose source is gone are removed, so a moved or deleted module
// cannot linger in dist/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const stamp = join(dist, ".tsbuildinfo");

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

function stale() {
  if (!existsSync(stamp) || !existsSync(join(dist, "main.js"))) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = [join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), ...files(src)];
  return inputs.some((file) => statSync(file).mtimeMs > built);
}

// One build at a time (test projects may start theirs together): the others wait, then find it fresh.
const lock = join(root, ".build.lock");
const deadline = Date.now() + 300_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    // A lock older than a build could take was left by a killed build.
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`${lock} held for 5 minutes`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on("exit", () => rmSync(lock, { recursive: true, force: true }));

const consoleSrc = join(root, "console");
const consoleOut = join(dist, "console");

function consoleStale() {
  const built = join(consoleOut, "index.html");
  if (!existsSync(built)) return true;
  const time = statSync(built).mtimeMs;
  return [...files(consoleSrc)].some((file) => statSync(file).mtimeMs > time);
}

/** Bundles console/ into dist/console with Vite (console/vite.config.ts). */
function buildConsole() {
  let vite;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  } catch {
    console.error("scripts/build.mjs: Vite is not installed (dev dependencies), so the web console is not built; /console will answer 503.");
    return;
  }
  const built = spawnSync(process.execPath, [vite, "build", "--config", join(consoleSrc, "vite.config.ts")], { stdio: "inherit", cwd: root });
  if (built.status === 0) return;
  if (!process.argv.includes("--lenient")) process.exit(built.status ?? 1);
  console.error("scripts/build.mjs: the web console failed to build (above); the gateway runs without it.");
}

const ifStale = process.argv.includes("--if-stale");
const serverStale = !ifStale || stale();
const consoleNeeded = !ifStale || consoleStale();
if (!serverStale) {
  if (consoleNeeded) buildConsole();
  process.exit(0);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  console.error("dist/ is missing or older than src/, and TypeScript is not installed to build it: run `npm ci` (with dev dependencies), then `npm run build`.");
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, "-b", join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
if (result.status !== 0) {
  // tsc emits despite type errors. --lenient (npm ci's postinstall, npm start's prestart) runs what
  // it emitted, so that a type error fails `npm run typecheck` and `npm run build`, not an install.
  if (!process.argv.includes("--lenient") || !existsSync(join(dist, "main.js"))) process.exit(result.status ?? 1);
  console.error("scripts/build.mjs: type errors above (`npm run typecheck`); dist/ was emitted anyway.");
}

for (const file of files(dist)) {
  // dist/console is Vite's output, not compiled from src.
  if (!file.endsWith(".js") || file.startsWith(consoleOut + sep)) continue;
  const source = join(src, relative(dist, file)).replace(/\.js$/, "");
  if (![".ts", ".mts", ".tsx", ".js"].some((ext) => existsSync(source + ext))) rmSync(file);
}

if (consoleNeeded) buildConsole();
