/** A job's vendor model id and input, from the routing table (`src/catalog/vendors`). */
import { routesOf, toVendorInput, type VendorId, type VendorInput } from "../../catalog/vendors/index.ts";
import type { ProviderJob } from "../../services/ports/provider.ts";

export type InputFor = (job: ProviderJob) => VendorInput;

/** The first route of the job's model on `vendor`, translated; a model the vendor does not run is refused. */
export const vendorInputFor =
  (vendor: VendorId): InputFor =>
  (job) => {
    const route = routesOf(job.model).find((r) => r.vendor === vendor);
    if (!route) return { ok: false, reason: `${vendor} does not run ${job.model} (no route in the routing table)` };
    return toVendorInput(route, job.params);
  };
