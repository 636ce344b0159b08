import type { GenerationService } from "./generation.ts";
import type { MetricsPort } from "./ports/metrics.ts";

/**
 * The generation service, reporting each generate's outcome to operations: accepted as asked,
 * accepted downgraded to fit the budget, or refused with its error code (RATE_LIMITED with its
 * reason). The model label is a catalog id or "unknown": a client's made-up model name never
 * becomes a label. A replay (same Idempotency-Key) is not a new generation: neither counted nor
 * charged again.
 */
export function observedGeneration(
  service: GenerationService,
  metrics: Pick<MetricsPort, "generation" | "charged">,
  modelIds: ReadonlySet<string>,
): GenerationService {
  return {
    estimate: (key, request) => service.estimate(key, request),
    async generate(key, request, options) {
      const result = await service.generate(key, request, options);
      const model = typeof request.model === "string" && modelIds.has(request.model) ? request.model : "unknown";
      if (!result.ok) {
        const error = result.error;
        metrics.generation("refused", model, error.code === "RATE_LIMITED" ? `RATE_LIMITED_${error.reason}` : error.code);
      } else if (!result.value.replayed) {
        const downgraded = result.value.adjustments.some((a) => a.reason === "BUDGET_DOWNGRADE");
        metrics.generation(downgraded ? "downgraded" : "accepted", result.value.task.model, downgraded ? "BUDGET_DOWNGRADE" : "none");
        metrics.charged(result.value.cost);
      }
      return result;
    },
  };
}
