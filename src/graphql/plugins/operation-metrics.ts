import type { Plugin } from "graphql-yoga";
import type { MetricsPort } from "../../services/ports/metrics.ts";

/** Distinct operation names kept as labels; later new names count as "other" (clients choose them). */
export const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Reports each executed query and mutation with its duration under its operation name, and
 * counts open subscriptions. Envelop hooks only (onExecute, onSubscribe), so it runs on every
 * transport, the JSON POST path included. Envelop hooks: https://the-guild.dev/graphql/envelop/docs/plugins/lifecycle
 */
export function useOperationMetrics(metrics: Pick<MetricsPort, "graphqlOperation" | "subscriptions">, now: () => number = () => performance.now()): Plugin {
  const names = new Set<string>();
  const label = (name: string | undefined): string => {
    if (name === undefined) return "anonymous";
    if (names.has(name)) return name;
    if (!NAME.test(name) || names.size >= MAX_OPERATION_NAMES) return "other";
    names.add(name);
    return name;
  };
  const operationOf = (args: { document: unknown; operationName?: string | null | undefined }) => {
    const definitions = (args.document as { definitions?: readonly { kind: string; operation?: string; name?: { value: string } }[] }).definitions ?? [];
    const operations = definitions.filter((d) => d.kind === "OperationDefinition");
    const chosen = args.operationName ? operations.find((d) => d.name?.value === args.operationName) : operations.length === 1 ? operations[0] : undefined;
    return { name: label(chosen?.name?.value), type: chosen?.operation ?? "unknown" };
  };
  return {
    onExecute({ args }) {
      const started = now();
      return {
        onExecuteDone() {
          const { name, type } = operationOf(args);
          metrics.graphqlOperation(name, type, (now() - started) / 1000);
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result }) {
          if (!(typeof result === "object" && result !== null && Symbol.asyncIterator in result)) return undefined;
          metrics.subscriptions(1);
          return { onEnd: () => metrics.subscriptions(-1) };
        },
      };
    },
  };
}
