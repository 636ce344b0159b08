import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { root, sourceFiles } from "./support/source-files.ts";

describe("vendor calls in src/adapters/providers", () => {
  // AbortSignal.timeout and AbortSignal.any cost several times a controller and a timer on Node 20,
  // and every task a vendor runs makes four or five calls (bench/README.md, bench:providers).
  it("take their deadline from callDeadline, not AbortSignal.timeout or AbortSignal.any", () => {
    const offenders = sourceFiles(join(root, "src", "adapters", "providers")).flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, i) => (/AbortSignal\.(timeout|any)\(/.test(line) ? [`${relative(root, path)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
