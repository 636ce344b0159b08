/**
 * Which models this gateway can run now, and where: the first vendor of the model's routes that
 * has accounts configured (the routed provider's choice), else the simulation when it runs
 * unrouted models, else none. Pure over the configuration; the faces show it beside each model.
 */
import { carriedReferences, routesOf, toVendorInput, type VendorId } from "../catalog/vendors/index.ts";
import type { ParamIssue } from "../engine/errors.ts";
import type { Params } from "../engine/normalize.ts";
import type { ModelProfile } from "../engine/profile.ts";
import { findReferences, isUploadId } from "../engine/references.ts";

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

/**
 * What in these (checked) params the vendor that runs the model cannot be given, so a request is
 * refused before its charge rather than failed, or run without part of what was asked, after it:
 * - a reference in a param the vendor's route does not carry (e.g. OpenAI's Images generations
 *   take no image): the translation would drop it silently;
 * - an upload id or inline `data:` reference (stored as an upload before the task runs) when
 *   `uploadsReachable` is false: the vendor fetches references itself, and without
 *   GATEAI_PUBLIC_URL (or presigned blob-store URLs) there is no address it could fetch one from.
 * Nothing for the simulation or a GateAI-compatible upstream.
 */
export function vendorReferenceIssues(runner: ModelRunner, profile: ModelProfile, params: Params, uploadsReachable: boolean): ParamIssue[] {
  const vendor = runner.via;
  if (vendor === null || vendor === "simulation") return [];
  const route = routesOf(profile.spec.id).find((r) => r.vendor === vendor);
  if (!route) return [];
  const carried = carriedReferences(route, params);
  const issues: ParamIssue[] = [];
  for (const reference of findReferences(profile.media, params).references) {
    const param = String(reference.path[0]);
    if (!Object.hasOwn(carried, param)) {
      issues.push({ field: reference.field, reason: `${vendor} runs ${profile.spec.id} here without ${param}: this gateway cannot pass this reference on, so send the request without it` });
    } else if (!uploadsReachable && (isUploadId(reference.value) || /^data:/i.test(reference.value))) {
      issues.push({
        field: reference.field,
        reason: `${vendor} fetches references by URL, and this gateway has no public address to serve an upload or inline data: from (GATEAI_PUBLIC_URL is not set): send an https URL`,
      });
    }
  }
  return issues;
}

/**
 * Why the vendor that runs the model cannot be sent these params (the routing table's
 * translation refuses them: more outputs than it makes per request, a resolution above its
 * largest, a value it has no equivalent of), or undefined when it can (or no vendor runs it).
 * Asked before the charge, of the params that would run, so such a request is refused with
 * nothing charged instead of failing after it.
 */
export function vendorInputIssue(runner: ModelRunner, modelId: string, params: Params): ParamIssue | undefined {
  const vendor = runner.via;
  if (vendor === null || vendor === "simulation") return undefined;
  const route = routesOf(modelId).find((r) => r.vendor === vendor);
  if (!route) return undefined;
  const input = toVendorInput(route, params);
  return input.ok ? undefined : { field: "params", reason: `${input.reason}: this gateway runs ${modelId} through ${vendor}, so change the request` };
}
