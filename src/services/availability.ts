/**
 * Which models this gateway can run now, and where: the first vendor of the model's routes that
 * has accounts configured (the routed provider's choice), else the simulation when it runs
 * unrouted models, else none. Pure over the configuration; the faces show it beside each model.
 */
import { routesOf, type VendorId } from "../catalog/vendors/index.ts";

export interface ModelRunner {
  readonly available: boolean;
  /** "fal", "replicate", "openai", "simulation", or null when nothing runs it. */
  readonly via: VendorId | "simulation" | null;
}

export type ModelAvailability = (modelId: string) => ModelRunner;

/** `vendors`: the vendors with accounts (null: no vendor configuration, everything simulated or upstream). */
export function createModelAvailability(options: { vendors: readonly VendorId[] | null; simulateUnrouted: boolean; upstream?: boolean }): ModelAvailability {
  return (modelId) => {
    if (options.upstream) return { available: true, via: null };
    if (!options.vendors) return { available: true, via: "simulation" };
    const vendor = routesOf(modelId).find((r) => options.vendors!.includes(r.vendor))?.vendor;
    if (vendor) return { available: true, via: vendor };
    return options.simulateUnrouted ? { available: true, via: "simulation" } : { available: false, via: null };
  };
}
