import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_OPERATION_NAMES, useOperationMetrics } from "../../../src/graphql/plugins/operation-metrics.ts";

/** Runs the plugin's onExecute hook as envelop does, for a document. */
function execute(plugin: ReturnType<typeof useOperationMetrics>, source: string, operationName?: string) {
  const hooks = (plugin.onExecute as (payload: unknown) => { onExecuteDone(): void })({ args: { document: parse(source), operationName } });
  hooks.onExecuteDone();
}

describe("useOperationMetrics", () => {
  it("reports each execution under its operation name and type, with its duration", () => {
    const seen: [string, string, number][] = [];
    let now = 1_000;
    const plugin = useOperationMetrics({ graphqlOperation: (...args) => seen.push(args), subscriptions: () => undefined }, () => (now += 5));
    execute(plugin, "query Estimate { a } mutation Generate { b }", "Generate");
    execute(plugin, "{ a }");
    expect(seen).toEqual([
      ["Generate", "mutation", 0.005],
      ["anonymous", "query", 0.005],
    ]);
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} distinct names: later new ones are "other"`, () => {
    const names = new Set<string>();
    const plugin = useOperationMetrics({ graphqlOperation: (name) => names.add(name), subscriptions: () => undefined });
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) execute(plugin, `query Op${i} { a }`);
    expect(names.size).toBe(MAX_OPERATION_NAMES + 1);
    expect(names.has("other")).toBe(true);
    expect(names.has(`Op${MAX_OPERATION_NAMES + 10}`)).toBe(false);
    // A name seen before keeps its label.
    execute(plugin, "query Op0 { a }");
    expect(names.has("Op0")).toBe(true);
  });

  it("counts a subscription open when its stream starts and closed when it ends", () => {
    let open = 0;
    const plugin = useOperationMetrics({ graphqlOperation: () => undefined, subscriptions: (delta) => (open += delta) });
    const onSubscribe = plugin.onSubscribe as (payload: unknown) => { onSubscribeResult(payload: { result: unknown }): { onEnd(): void } | undefined };
    const stream = (async function* () {})();
    const ended = onSubscribe({}).onSubscribeResult({ result: stream });
    expect(open).toBe(1);
    ended?.onEnd();
    expect(open).toBe(0);
    // An error result (no stream) opens nothing.
    expect(onSubscribe({}).onSubscribeResult({ result: { errors: [] } })).toBeUndefined();
    expect(open).toBe(0);
  });
});
