import type { ModelSpec, ParamSpec } from "../types.ts";
import type { VendorRoute } from "./types.ts";

/**
 * A model as it runs on `route`: a vendor that makes fewer outputs per request than the model's
 * quantity allows caps the quantity's maximum, its default and the example's at what it makes
 * (one, without a quantity field). The price stays the catalog's per output (pricing.ts
 * `per.quantity`): FLUX Kontext Max's "~$0.04 per generation" at a default of 4 is $0.01 an
 * image, so a default of 1 costs $0.01. Pure; the spec itself when nothing is capped.
 */
export function specOnRoute(spec: ModelSpec, route: VendorRoute): ModelSpec {
  const param = spec.params.find((p) => p.name === "quantity");
  if (!param) return spec;
  const most = route.params.quantity?.max ?? 1;
  const cap = (value: unknown): unknown => (typeof value === "number" && value > most ? most : value);
  if ((param.max ?? Number.POSITIVE_INFINITY) <= most && !(typeof param.default === "number" && param.default > most)) return spec;
  const capped: ParamSpec = Object.assign({}, param, { max: Math.min(param.max ?? most, most) }, param.default === undefined ? {} : { default: cap(param.default) });
  const example = spec.example.params.quantity === undefined ? spec.example : Object.assign({}, spec.example, { params: Object.assign({}, spec.example.params, { quantity: cap(spec.example.params.quantity) }) });
  return Object.assign({}, spec, { params: spec.params.map((p) => (p === param ? capped : p)), example });
}
