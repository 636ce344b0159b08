// How the simulator's handlers reach the run's state (the rules stated in simulator.ts, at
// createSimulation and firstOpen): every binding of createSimulation is a `var`, since V8 checks a
// `let` or `const` that a closure reads or writes for its temporal dead zone at every access; and
// `step`, the per-event loop, loops on locals only. Each test fails when its rule is undone; none
// measures time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const path = join(import.meta.dirname, "..", "..", "src", "simulation", "simulator.ts");
const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
const where = (node: ts.Node) => `${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().replace(/\s+/g, " ").slice(0, 80)}`;

const create = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === "createSimulation");
const statements: readonly ts.Statement[] = create?.body?.statements ?? [];

/** The names a binding pattern or identifier declares. */
function names(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : names(element.name)));
}

/** The `step` method of the object createSimulation returns. */
function stepMethod(): ts.MethodDeclaration | undefined {
  const returned = statements.find((s): s is ts.ReturnStatement => ts.isReturnStatement(s))?.expression;
  if (!returned || !ts.isObjectLiteralExpression(returned)) return undefined;
  return returned.properties.find((p): p is ts.MethodDeclaration => ts.isMethodDeclaration(p) && ts.isIdentifier(p.name) && p.name.text === "step");
}

describe("the simulator's run state", () => {
  it("is held in `var`s of createSimulation: no handler pays a temporal-dead-zone check per access", () => {
    expect(statements.length).toBeGreaterThan(50);
    const blockScoped = statements.filter((s) => ts.isVariableStatement(s) && (s.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0).map(where);
    expect(blockScoped).toEqual([]);
  });

  it("is not what `step`'s loops test: they loop on locals (firstOpen passes the tasks already over)", () => {
    const bindings = new Set(statements.filter((s): s is ts.VariableStatement => ts.isVariableStatement(s)).flatMap((s) => s.declarationList.declarations.flatMap((d) => names(d.name))));
    expect(bindings.has("nextRefund") && bindings.has("taskCount") && bindings.has("tState")).toBe(true);
    const step = stepMethod();
    expect(step?.body).toBeDefined();
    const offenders: string[] = [];
    const tested = (expression: ts.Node | undefined, loop: ts.Node) => {
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && bindings.has(node.text)) offenders.push(`${node.text} in ${where(loop)}`);
        if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
      };
      if (expression) visit(expression);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isWhileStatement(node) || ts.isDoStatement(node)) tested(node.expression, node);
      if (ts.isForStatement(node)) {
        tested(node.condition, node);
        tested(node.incrementor, node);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(step!.body!, visit);
    expect(offenders).toEqual([]);
  });
});
