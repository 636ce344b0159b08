/** The model × vendor table of the README ("Run against real models"), generated from the routing table. */
import type { ModelSpec } from "../types.ts";
import { VENDOR_ROUTES } from "./routes.ts";
import { VENDORS } from "./types.ts";

export function vendorTableMarkdown(models: readonly ModelSpec[]): string {
  const rows = models.map((model) => {
    const routes = VENDOR_ROUTES[model.id] ?? [];
    const cells = VENDORS.map((vendor) => {
      const route = routes.find((r) => r.vendor === vendor);
      return route ? `[\`${route.model}\`](${route.doc})` : "–";
    });
    return `| \`${model.id}\` | ${model.kind} | ${cells.join(" | ")} |`;
  });
  return ["| model | kind | fal | Replicate | OpenAI |", "|---|---|---|---|---|", ...rows].join("\n");
}
