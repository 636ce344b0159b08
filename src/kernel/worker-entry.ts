/**
 * Where a worker thread's entry file is: always compiled JavaScript, since no TypeScript loader
 * runs in a worker. From a compiled module (`dist/…/x.js`) it is the `<name>.js` beside it; from
 * a module run as source (`src/…/x.ts`: tests, tsx) it is the same file in the build's dist/, at
 * the module's depth (tsconfig.build.json keeps rootDir `src`). Tests build dist/ first (vitest's
 * globalSetup); `npm run build` otherwise.
 */
export function workerEntry(moduleUrl: string, name: string): URL {
  const sibling = new URL(`./${name}.js`, moduleUrl);
  if (moduleUrl.endsWith(".js")) return sibling;
  const path = sibling.pathname;
  const src = path.lastIndexOf("/src/");
  if (src < 0) throw new Error(`workerEntry: ${moduleUrl} is neither compiled nor under src/`);
  return new URL(`${path.slice(0, src)}/dist/${path.slice(src + "/src/".length)}`, sibling);
}
