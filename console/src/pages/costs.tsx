// Cost explorer: what-if questions that charge nothing: a model's price across a parameter as a
// chart, the cheapest models for a need, and a budget plan of several requests.
import type { Api } from "../api/client.ts";
import { CheapestModels } from "../costs/cheapest-models.tsx";
import { PlanBudget } from "../costs/plan-budget.tsx";
import { PriceAcross } from "../costs/price-across.tsx";

export function CostsPage(props: { api: Api }) {
  return (
    <section data-testid="costs">
      <h1>Cost explorer</h1>
      <PriceAcross api={props.api} />
      <CheapestModels api={props.api} />
      <PlanBudget api={props.api} />
    </section>
  );
}
