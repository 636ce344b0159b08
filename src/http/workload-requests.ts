import type { InputIssue } from "../kernel/bounds.ts";
import { generationRequestIssue, isModelId } from "./generation-request.ts";

/**
 * The request bounds both faces apply to every stream's `request` of a workload before the
 * simulation service sees it: the same rule as a generation request's (generation-request.ts),
 * the field named by the stream. At most `maxStreams` streams are looked at (a longer list is
 * refused by the workload's own bound).
 */
export function workloadRequestsIssue(workload: unknown, maxStreams: number): InputIssue | undefined {
  if (typeof workload !== "object" || workload === null) return undefined;
  const streams = (workload as { streams?: unknown }).streams;
  if (!Array.isArray(streams) || streams.length > maxStreams) return undefined;
  for (const [i, stream] of streams.entries()) {
    const request = typeof stream === "object" && stream !== null ? (stream as { request?: unknown }).request : undefined;
    if (typeof request !== "object" || request === null) continue;
    const { model, params } = request as { model?: unknown; params?: unknown };
    if (!isModelId(model)) continue;
    const issue = generationRequestIssue(model, params);
    if (issue) return { field: `streams[${i}].request.${issue.field}`, reason: issue.reason };
  }
  return undefined;
}
