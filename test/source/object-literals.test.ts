import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { root, sourceFiles } from "./support/source-files.ts";

/** `{ ...a, b }` and `{ ...a, ...b }`: a literal that starts with a spread and has more after it. */
function spreadFirstLiterals(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 1 && ts.isSpreadAssignment(node.properties[0]!)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(root, path)}:${line + 1}: ${node.getText().replace(/\s+/g, " ").slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("object literals in src", () => {
  // Node 20's V8 gives every object built as `{ ...a, b }` a hidden class of its own: a
  // request's context or exchange built that way makes every property access that sees it
  // megamorphic (figures: bench/README.md).
  // Build such objects as literals, or with Object.assign({}, a, { b }).
  it("never start with a spread followed by more properties (one hidden class per object)", () => {
    const offenders = sourceFiles(join(root, "src")).flatMap(spreadFirstLiterals);
    expect(offenders).toEqual([]);
  });

  it("finds the pattern it forbids", () => {
    const probe = join(import.meta.dirname, "object-literals.test.ts");
    // This file holds one on purpose, in the sample below.
    expect(spreadFirstLiterals(probe).some((line) => line.includes("{ ...sample, extra: 1 }"))).toBe(true);
  });
});

const sample = { kept: true };
export const forbiddenShape = { ...sample, extra: 1 };
