import { VENDORS } from "../catalog/vendors/index.ts";
import type { Engine } from "../engine/engine.ts";
import { allowedValues } from "../engine/whatif.ts";
import { BOUNDS } from "../kernel/bounds.ts";
import { SIMULATION_BOUNDS, SIMULATION_SERIES_POINTS } from "../simulation/bounds.ts";
import { argumentsWith, listLength, type ListSize } from "./plugins/query-cost.ts";

/**
 * The issues listed by the error of one priceAcross point or one planBudget step, for the cost
 * rule. Not a bound the engine keeps: normalization lists one issue per parameter sent or required
 * (src/engine/normalize.ts), so a request's params bound them (BOUNDS.paramsItems keys, plus the
 * model's required params). A point differs from the request priced only by its `across` and
 * `by` values, so one that fails names those (and, rarely, a rule that follows them): 3. A
 * request sending dozens of unknown parameters answers more issues than this counts (one per
 * such parameter in every point); its cells and params are still bounded (BOUNDS.priceAcrossValues,
 * BOUNDS.priceTableBytes).
 */
export const POINT_ISSUES = 3;

/**
 * Fields of which at most one answers more than null or []: a priced point or step has
 * adjustments and no error, a refused one an error and no adjustments (src/graphql/types/whatif.ts).
 */
export const EXCLUSIVE_FIELDS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ["PricePoint", [["adjustments", "error"]]],
  ["PlanStep", [["adjustments", "error"]]],
]);

/**
 * How many items each list field of the schema answers, for the query cost rule
 * (src/graphql/plugins/query-cost.ts). Lists whose length the catalog fixes count what the
 * catalog holds: `models` all its models, and the lists of one model the average per model
 * (rounded up), so `models { … }` costs what it answers (one model looked up alone is cheap
 * anyway). Lists a request sizes count their bound (src/kernel/bounds.ts). A test checks that
 * every list field of the schema is here.
 */
export function listSizes(engine: Engine): ReadonlyMap<string, ListSize> {
  const profiles = engine.models.map((m) => engine.profile(m.id)!);
  const average = (count: (p: (typeof profiles)[number]) => number) => Math.max(1, Math.ceil(profiles.reduce((sum, p) => sum + count(p), 0) / profiles.length));
  const max = (count: (p: (typeof profiles)[number]) => number) => Math.max(1, ...profiles.map(count));
  const params = average((p) => p.params.size);
  const sizesOf = (p: (typeof profiles)[number]) =>
    p.size.kind === "table" ? p.size.groups.reduce((n, g) => n + g.sizes.length, 0) : p.size.kind === "tiered" ? [...p.size.byTier.values()].reduce((n, gs) => n + gs.reduce((m, g) => m + g.sizes.length, 0), 0) : 0;
  const enumValues = Math.max(1, Math.ceil(profiles.reduce((sum, p) => sum + [...p.params.values()].reduce((n, s) => n + (s.values?.length ?? 0), 0), 0) / Math.max(1, profiles.reduce((sum, p) => sum + p.params.size, 0))));
  /** Changes reported on one request: a few params in practice (snapping a size, a tier, a duration). */
  const adjustments = Math.min(params, 4);
  /**
   * What priceAcross prices for `across` or `by` without `values`/`byValues` ("all its allowed
   * values", src/engine/whatif.ts): the longest such list any parameter of the catalog has.
   */
  const allowed = max((p) => Math.max(0, ...[...p.params.keys()].map((name) => allowedValues(p, name)?.length ?? 0)));

  return new Map<string, ListSize>([
    ["Query.models", engine.models.length],
    ["AiModel.params", params],
    ["AiModel.requiredParams", params],
    ["AiModel.resolutions", average(sizesOf)],
    ["AiModel.resolutionTiers", max((p) => p.tier?.values.length ?? 0)],
    ["VideoModel.durations", max((p) => p.duration?.values.length ?? 0)],
    ["EnumParam.values", enumValues],
    ["NumericEnumParam.values", enumValues],
    ["ModelNotFound.suggestions", 5],
    // A priceAcross point's or a planBudget step's error (and priceAcross's and planBudget's own
    // InvalidParams, one issue naming the argument): POINT_ISSUES; elsewhere a model's params.
    ["InvalidParams.issues", (args, enclosing) => (argumentsWith("across", args, enclosing) ?? argumentsWith("requests", args, enclosing) ? POINT_ISSUES : params)],
    ["Task.result", max((p) => p.quantityMax)],
    ["Task.glbUrls", max((p) => p.quantityMax)],
    ["Task.adjustments", adjustments],
    ["TaskConnection.edges", BOUNDS.taskPage],
    ["TaskConnection.nodes", BOUNDS.taskPage],
    // QUEUED or PROCESSING: at most the key's concurrency (5), with room.
    ["Concurrency.activeSlots", 10],
    ["Dashboard.activeTasks", 10],
    ["Dashboard.recentTasks", 20],
    ["Dashboard.todaySpending", engine.models.length],
    ["GenerateSuccess.adjustments", adjustments],
    ["SuggestedRequest.adjustments", adjustments],
    ["Estimate.adjustments", adjustments],
    ["PricePoint.adjustments", adjustments],
    // priceAcross: a literal `values` list counts its length, a variable the bound, and no
    // `values` the longest allowed-value list; one series without `by`.
    ["PriceSeries.points", (args, enclosing) => {
      const values = argumentsWith("across", args, enclosing)?.get("values");
      return values ? listLength(values, BOUNDS.priceAcrossValues) : allowed;
    }],
    ["PriceTable.series", (args, enclosing) => {
      const priceAcross = argumentsWith("across", args, enclosing);
      if (priceAcross && !priceAcross.has("by")) return 1;
      const values = priceAcross?.get("byValues");
      return values ? listLength(values, BOUNDS.priceAcrossByValues) : allowed;
    }],
    ["PlanStep.adjustments", adjustments],
    ["BudgetPlan.steps", (args, enclosing) => {
      const requests = argumentsWith("requests", args, enclosing)?.get("requests");
      return requests ? listLength(requests, BOUNDS.planRequests) : BOUNDS.planRequests;
    }],
    ["ModelOptions.options", Math.min(BOUNDS.cheapestModels, engine.models.length)],
    // simulate: bands one per total; a key-day per key and day (7 days of arrivals and the day their tasks end); a model per stream at most; a point per step.
    ["SimulationReport.bands", 16],
    ["SimulationReport.keyDays", SIMULATION_BOUNDS.keys * (Math.ceil(SIMULATION_BOUNDS.horizonHours / 24) + 2)],
    ["SimulationReport.models", SIMULATION_BOUNDS.streams],
    // One entry per output kind (image, video, 3d).
    ["SimulationReport.latency", 3],
    // One entry per vendor with accounts.
    ["Pool.vendors", VENDORS.length],
    ["SimulationSeries.points", SIMULATION_SERIES_POINTS],
  ]);
}
