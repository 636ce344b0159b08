// A model as its vendor route runs it: a route that makes fewer outputs per request than the
// model's quantity allows caps the quantity (its maximum, its default, the example's), and nothing
// else changes; the price per output stays the catalog's.
import { describe, expect, it } from "vitest";
import { catalog } from "../../../src/catalog/index.ts";
import { VENDOR_ROUTES, specOnRoute, toVendorInput } from "../../../src/catalog/vendors/index.ts";
import { createEngine } from "../../../src/engine/engine.ts";

const byId = new Map(catalog.map((m) => [m.id, m]));
const quantityOf = (spec: (typeof catalog)[number]) => spec.params.find((p) => p.name === "quantity");

describe("a model on a vendor route", () => {
  it("caps the quantity at what every route makes per request, and changes nothing else", () => {
    for (const [id, routes] of Object.entries(VENDOR_ROUTES)) {
      const spec = byId.get(id)!;
      for (const route of routes) {
        const on = specOnRoute(spec, route);
        const most = route.params.quantity?.max ?? 1;
        const before = quantityOf(spec);
        const after = quantityOf(on);
        expect(on.params.filter((p) => p.name !== "quantity"), `${id} on ${route.vendor}`).toEqual(spec.params.filter((p) => p.name !== "quantity"));
        if (!before) {
          expect(on).toBe(spec);
          continue;
        }
        expect(after!.max ?? Number.POSITIVE_INFINITY, `${id} on ${route.vendor}`).toBeLessThanOrEqual(most);
        if (typeof before.default === "number") expect(after!.default).toBe(Math.min(before.default, most));
        // What the engine then takes by default is what the route can send.
        const normalized = createEngine([on]).normalize({ model: id, params: Object.assign({}, on.example.params) });
        const input = normalized.ok ? toVendorInput(route, normalized.value.params) : undefined;
        if (input && !input.ok) expect(input.reason, `${id} on ${route.vendor}`).not.toMatch(/per request/);
        // A route that makes as many as the catalog allows leaves the model as it is.
        if ((before.max ?? Number.POSITIVE_INFINITY) <= most && !(typeof before.default === "number" && before.default > most)) expect(on).toBe(spec);
      }
    }
  });

  it("FLUX.2 pro on fal (one image per request, the catalog's default 4): one image by default, priced as the catalog prices one", () => {
    const spec = byId.get("flux-pro-2.0")!;
    const route = VENDOR_ROUTES["flux-pro-2.0"]!.find((r) => r.vendor === "fal")!;
    const on = specOnRoute(spec, route);
    expect(quantityOf(spec)).toMatchObject({ default: 4 });
    expect(quantityOf(on)).toMatchObject({ default: 1, max: 1 });
    const routed = createEngine([on]).quote({ model: "flux-pro-2.0", params: { prompt: "p" } }, 100_000_000);
    const one = createEngine().quote({ model: "flux-pro-2.0", params: { prompt: "p", quantity: 1 } }, 100_000_000);
    const four = createEngine().quote({ model: "flux-pro-2.0", params: { prompt: "p" } }, 100_000_000);
    expect(routed.ok && one.ok && four.ok).toBe(true);
    if (!routed.ok || !one.ok || !four.ok) return;
    expect(routed.value.cost).toBe(one.value.cost);
    // Four images cost four times one (each rounded to the micro-dollar).
    expect(Math.abs(four.value.cost - 4 * one.value.cost)).toBeLessThanOrEqual(4);
    expect(createEngine([on]).quote({ model: "flux-pro-2.0", params: { prompt: "p", quantity: 2 } }, 100_000_000)).toMatchObject({ ok: false, error: { code: "QUANTITY_TOO_HIGH", max: 1 } });
  });
});
