// The example client (examples/typed-client): its generated types are those schema.graphql gives
// today, and it estimates, generates and follows a task to its result against a real gateway.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../examples/typed-client/codegen.ts";
import { run } from "../../examples/typed-client/client.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the typed example client", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { GATEAI_TIME_SCALE: "1000" } });
  });
  afterAll(() => gw?.close());

  it("has generated types up to date with schema.graphql (run `npm run codegen:example` when this fails)", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs).toHaveLength(1);
    for (const output of outputs) {
      const checkedIn = readFileSync(join(root, output.filename.replace(root, "")), "utf8");
      expect(checkedIn === output.content, `${output.filename} is stale`).toBe(true);
    }
  }, 60_000);

  it("estimates, generates with the typed input and follows taskUpdated to a FINISHED result", async () => {
    const lines: string[] = [];
    const task = await run(gw.url, gw.key, (line) => lines.push(line));
    expect(task.status).toBe("FINISHED");
    expect(task.result.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^estimate: \$\d/);
    expect(lines.at(-1)).toMatch(/^result: http/);
    const image = await fetch(task.result[0]!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toMatch(/^image\//);
  });
});
