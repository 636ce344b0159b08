/**
 * The routing table applied: a job runs on the first vendor of its model's routes that has
 * accounts configured (`src/catalog/vendors/routes.ts`), else on the fallback (the simulation)
 * when there is one, else it fails (refunded: the driver's FAILED statement refunds; generate
 * refuses such a model before the charge, so only a task accepted under another configuration
 * gets here). Upload ids among the references a vendor is sent become URLs it can fetch. The handle
 * a vendor gives is stored prefixed with the vendor's name, so a resumed attempt goes back to the
 * vendor that holds it even if the configuration changed meanwhile.
 */
import { carriedReferences, routesOf, type VendorId } from "../../catalog/vendors/index.ts";
import { isUploadId } from "../../engine/references.ts";
import type { Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";
import type { ReferenceUrls } from "../../services/ports/reference-urls.ts";

export interface RoutedProviderOptions {
  readonly vendors: Readonly<Partial<Record<VendorId, Provider>>>;
  /**
   * Where each vendor's accounts sit in the pool (ids first..first+count−1): a job's pool account
   * becomes the vendor's own account number (which of its keys). Absent: the pool account as is.
   */
  readonly ranges?: readonly { readonly vendor: VendorId; readonly first: number; readonly count: number }[];
  /** Runs models no configured vendor runs; none: those fail with `unroutedError`. */
  readonly fallback?: Provider;
  /**
   * Turns the upload ids of references a vendor is sent into URLs it can fetch; none: a job
   * whose vendor references name an upload fails (not retryable, so refunded).
   */
  readonly references?: ReferenceUrls;
}

/** A reference value as the routing table's translation reads it: a string, a list of them, or objects with a `url`. */
function mapReferences(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((item) => mapReferences(item, map));
  if (typeof value === "object" && value !== null && "url" in value) return Object.assign({}, value, { url: mapReferences((value as { url: unknown }).url, map) });
  return value;
}

/** The vendor that runs `model` with these vendors configured, or undefined. */
export function vendorFor(model: string, configured: readonly VendorId[]): VendorId | undefined {
  return routesOf(model).find((route) => configured.includes(route.vendor))?.vendor;
}

export const unroutedError = (model: string): string => `No vendor configured for ${model}: this gateway cannot run it now`;

export function createRoutedProvider(options: RoutedProviderOptions): Provider {
  const configured = Object.keys(options.vendors) as VendorId[];
  const SIMULATED = "sim";
  /** The vendor's own account number of a pool account (inside its range; wrapped onto it otherwise). */
  const localAccount = (vendor: string, account: number): number => {
    const range = options.ranges?.find((r) => r.vendor === vendor);
    if (!range) return account;
    const inside = account >= range.first && account < range.first + range.count;
    return inside ? account - range.first + 1 : ((Math.max(1, account) - 1) % range.count) + 1;
  };

  const target = (job: ProviderJob): { name: string; provider: Provider; job: ProviderJob } | undefined => {
    if (job.upstream) {
      const cut = job.upstream.indexOf("|");
      const name = job.upstream.slice(0, cut);
      const provider = name === SIMULATED ? options.fallback : options.vendors[name as VendorId];
      return provider ? { name, provider, job: Object.assign({}, job, { account: localAccount(name, job.account), upstream: job.upstream.slice(cut + 1) }) } : undefined;
    }
    const vendor = vendorFor(job.model, configured);
    if (vendor) return { name: vendor, provider: options.vendors[vendor]!, job: Object.assign({}, job, { account: localAccount(vendor, job.account) }) };
    return options.fallback ? { name: SIMULATED, provider: options.fallback, job } : undefined;
  };

  /**
   * The job with every upload id in the params its vendor's route sends replaced by a URL the
   * vendor can fetch (vendors fetch references themselves); the reason when one cannot be had.
   * Made at submission only: the URLs expire, and a resumed attempt's vendor has its input.
   */
  const withFetchableReferences = async (vendor: VendorId, job: ProviderJob): Promise<{ job: ProviderJob } | { reason: string }> => {
    const route = routesOf(job.model).find((r) => r.vendor === vendor);
    const carried = route ? Object.keys(carriedReferences(route, job.params)).filter((param) => job.params[param] !== undefined) : [];
    const uploads = new Set<string>();
    const collect = (text: string): string => {
      if (isUploadId(text)) uploads.add(text);
      return text;
    };
    for (const param of carried) mapReferences(job.params[param], collect);
    if (!uploads.size) return { job };
    const urls = new Map<string, string>();
    for (const id of uploads) {
      const url = job.keyId !== undefined ? await options.references?.uploadUrl(job.keyId, id) : undefined;
      if (url === undefined) return { reason: `Upload ${id} cannot be given to ${vendor}: it has expired, or this gateway has no address a vendor can fetch it from (GATEAI_PUBLIC_URL)` };
      urls.set(id, url);
    }
    const params: Record<string, unknown> = Object.assign({}, job.params);
    for (const param of carried) params[param] = mapReferences(params[param], (text) => urls.get(text) ?? text);
    return { job: Object.assign({}, job, { params }) };
  };

  return {
    async poll(job, now): Promise<ProviderStatus> {
      const routed = target(job);
      if (!routed) {
        return job.upstream
          ? { state: "failed", error: `The vendor holding this attempt (${job.upstream.split("|")[0]}) is no longer configured`, retryable: true }
          : { state: "failed", error: unroutedError(job.model), retryable: false };
      }
      if (routed.name !== SIMULATED && !routed.job.upstream) {
        const resolved = await withFetchableReferences(routed.name as VendorId, routed.job);
        if ("reason" in resolved) return { state: "failed", error: resolved.reason, retryable: false };
        routed.job = resolved.job;
      }
      const status = await routed.provider.poll(routed.job, now);
      if (status.state === "running" && status.upstream !== undefined) return Object.assign({}, status, { upstream: `${routed.name}|${status.upstream}` });
      return status;
    },
    async cancel(job) {
      const routed = target(job);
      if (routed?.job.upstream) await routed.provider.cancel?.(routed.job);
    },
    statusReadGapMs(job) {
      const routed = target(job);
      return routed?.provider.statusReadGapMs?.(routed.job) ?? 0;
    },
    isAttemptOf(job, notice) {
      const routed = target(job);
      return routed?.name === notice.vendor && routed.provider.isAttemptOf?.(routed.job, notice) === true;
    },
  };
}
