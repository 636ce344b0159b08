// `planBudget`: several requests run in order against a budget, each downgraded as generate would.
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { PlanBudgetQuery } from "../api/operations.ts";
import { usd } from "../format.ts";
import { useModels } from "../model-list.ts";
import { useQueryAnswer } from "./query-answer.ts";

const SAMPLE_PLAN = ["gpt-image-2", "seedance-2.0", "kling-2.6"].join("\n");

export function PlanBudget(props: { api: Api }) {
  const models = useModels(props.api);
  const [lines, setLines] = useState(SAMPLE_PLAN);
  const [budget, setBudget] = useState("");
  const { answer: data, failure } = useQueryAnswer(
    () => {
      if (models.length === 0) return undefined;
      // One model id per line, each with its example's parameters; the API takes at most 200.
      const exampleOf = (id: string) => (models.find((m) => m.id === id)?.example as { params?: unknown } | undefined)?.params ?? {};
      const requests = lines.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 200).map((model) => ({ raw: { model, params: exampleOf(model) } }));
      return props.api.request(PlanBudgetQuery, { requests, budget: budget === "" ? null : Number(budget) });
    },
    [props.api, models, lines, budget],
    250,
  );
  const answer = data?.planBudget ?? null;

  return (
    <div class="card">
      <h2>Plan a budget</h2>
      <div class="row">
        <label>
          Requests (one model id per line)
          <textarea rows={4} value={lines} onInput={(e) => setLines(e.currentTarget.value)} />
        </label>
        <label>
          Budget (USD; empty: what is left today)
          <input type="number" min={0} step="any" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} />
        </label>
      </div>
      {answer?.__typename === "BudgetPlan" ? (
        <table data-testid="budget-plan">
          <thead>
            <tr>
              <th>#</th>
              <th>Model</th>
              <th>Asked</th>
              <th>Charged</th>
              <th>Left after</th>
            </tr>
          </thead>
          <tbody>
            {answer.steps.map((s) => (
              <tr key={s.index}>
                <td>{s.index + 1}</td>
                <td>{s.model}</td>
                <td>{usd(s.requestedCost)}</td>
                <td>{s.error ? s.error.message : usd(s.cost)}</td>
                <td>{usd(s.remainingAfter)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>From {usd(answer.startingBudget)}</td>
              <td>{usd(answer.totalCost)}</td>
              <td>{usd(answer.remaining)}</td>
            </tr>
          </tfoot>
        </table>
      ) : (
        answer && <p class="problem">{answer.message}</p>
      )}
      {failure && <p class="problem">{failure}</p>}
    </div>
  );
}
