/** The provider port and its simulated implementation. */
export type { OutputFile, Provider, ProviderJob, ProviderOutput, ProviderStatus } from "../../services/ports/provider.ts";
export {
  LATENCY_SECONDS,
  SIMULATED_FAILURE,
  STALL_PROGRESS_CAP,
  createSimulatedProvider,
  planAttempt,
  progressAt,
  type AttemptOutcome,
  type AttemptPlan,
  type SimulatedProviderOptions,
} from "./simulated-provider.ts";
