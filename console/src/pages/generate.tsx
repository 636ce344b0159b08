// Generate: a form built from the chosen model's schema; every change is priced at once
// (`estimate`, with the downgrade `generate` would apply); Generate starts the task, which then
// runs live here from `myTasks`.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { EstimateQuery, GenerateMutation } from "../api/operations.ts";
import { Adjustments } from "../components/adjustments.tsx";
import { ModelSelect } from "../components/model-select.tsx";
import { ParamInput } from "../components/param-input.tsx";
import { TaskCard } from "../components/task-card.tsx";
import { TaskResults } from "../components/task-results.tsx";
import { usd } from "../format.ts";
import type { ConsoleEstimateQuery } from "../gql/graphql.ts";
import type { Live } from "../live.ts";
import { editable, initialValues, paramsOf, type FormValues } from "../model-form.ts";
import { useModelForm, useModels } from "../model-list.ts";

const DEFAULT_MODEL = "gpt-image-2";
/** Typing pauses this long before the estimate is asked again. */
const ESTIMATE_DELAY_MS = 250;

type EstimateAnswer = ConsoleEstimateQuery["estimate"];

export function GeneratePage(props: { api: Api; live: Live }) {
  const { api, live } = props;
  const models = useModels(api);
  const [modelId, setModelId] = useState(DEFAULT_MODEL);
  const model = useModelForm(api, modelId);
  const [values, setValues] = useState<FormValues>({});
  const [estimate, setEstimate] = useState<EstimateAnswer | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (model) setValues(initialValues(model));
  }, [model]);

  useEffect(() => {
    if (!model) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.request(EstimateQuery, { input: { raw: { model: model.id, params: paramsOf(values) } } }).then(
        ({ estimate: answer }) => live && setEstimate(answer),
        (error: Error) => live && setProblem(error.message),
      );
    }, ESTIMATE_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, model, values]);

  const generate = async (event: Event) => {
    event.preventDefault();
    if (!model) return;
    setBusy(true);
    setProblem(null);
    try {
      const { generate: answer } = await api.request(GenerateMutation, {
        input: { raw: { model: model.id, params: paramsOf(values) } },
        // One click is one request: a retry of this very request is not charged twice.
        idempotencyKey: crypto.randomUUID(),
      });
      if (answer.__typename === "GenerateSuccess") {
        live.remember(answer.task);
        setTaskId(answer.task.id);
      } else {
        setProblem(answer.message);
      }
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const task = taskId ? live.tasks.find((t) => t.id === taskId) : undefined;
  return (
    <section data-testid="generate">
      <h1>Generate</h1>
      <form class="card" onSubmit={generate}>
        <ModelSelect models={models} value={modelId} onChange={(id) => setModelId(id)} />
        {model?.id === modelId &&
          model.params.filter(editable).map((field) => (
            <ParamInput key={field.name} field={field} value={values[field.name]} onChange={(v) => setValues({ ...values, [field.name]: v })} />
          ))}
        <EstimateView estimate={estimate} />
        <button type="submit" disabled={busy || !model}>
          Generate
        </button>
        {problem && <p class="problem">{problem}</p>}
      </form>
      {task && (
        <div class="card" data-testid="generated-task">
          <TaskCard task={task} />
          {task.status === "FINISHED" && <TaskResults task={task} />}
        </div>
      )}
    </section>
  );
}

function EstimateView(props: { estimate: EstimateAnswer | null }) {
  const { estimate } = props;
  if (!estimate) return <p class="muted">Pricing…</p>;
  if (estimate.__typename !== "Estimate") {
    const issues = estimate.__typename === "InvalidParams" ? estimate.issues : [];
    return (
      <div class="problem" data-testid="estimate">
        <p>{estimate.message}</p>
        <ul>
          {issues.map((i) => (
            <li key={i.field}>
              {i.field}: {i.reason}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="estimate" data-testid="estimate">
      <p>
        Costs <strong data-testid="estimate-cost">{usd(estimate.cost)}</strong> of {usd(estimate.dailyRemaining)} left today
        {estimate.fitsInBudget ? "." : "; over budget."}
      </p>
      <Adjustments rows={estimate.adjustments} />
      {!estimate.fitsInBudget &&
        (estimate.suggestion ? (
          <div data-testid="downgrade">
            <p>
              Generate would run this downgrade for <strong>{usd(estimate.suggestion.cost)}</strong>:
            </p>
            <Adjustments rows={estimate.suggestion.adjustments} />
          </div>
        ) : (
          <p class="problem">Nothing fits: even the cheapest downgrade costs {usd(estimate.cheapestCost)}.</p>
        ))}
    </div>
  );
}
