// console/src/gql is what `npm run console:codegen` (console/codegen.ts) makes from schema.graphql
// and the console's operations: the same command, writing to a temporary folder, must make the
// same files. (The CLI, not the programmatic `generate`, which resolves the client preset's
// plugins differently and writes other text.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const checkedIn = join(root, "console/src/gql");

describe("the web console's generated client", () => {
  it("is up to date with schema.graphql and the console's operations (run `npm run codegen` when this fails)", () => {
    const out = mkdtempSync(join(tmpdir(), "gateai-console-gql-"));
    try {
      const cli = join(root, "node_modules/@graphql-codegen/cli/cjs/bin.js");
      const run = spawnSync(process.execPath, [cli, "--config", "console/codegen.ts", "--silent"], {
        cwd: root,
        env: { ...process.env, CONSOLE_CODEGEN_OUT: `${out}/` },
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      const files = readdirSync(out).sort();
      expect(files).toEqual(readdirSync(checkedIn).sort());
      for (const file of files) {
        const same = readFileSync(join(out, file), "utf8") === readFileSync(join(checkedIn, file), "utf8");
        expect(same, `console/src/gql/${file} is stale: run \`npm run codegen\` (or \`npm run console:codegen\`)`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
