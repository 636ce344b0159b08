// Simulate: "what will a day cost?" (README). Edit a workload — in the form for the common fields,
// or as the JSON `simulate(workload:)` takes — run it, and read the totals, when each budget ran
// out and the day as a chart. Nothing is charged. A refusal shows its code (INVALID_PARAMS names
// each field and bound), as the API answers it.
import { useState } from "preact/hooks";
import { ApiError, type Api } from "../api/client.ts";
import { SimulateQuery } from "../api/operations.ts";
import { useModels } from "../model-list.ts";
import { SimulationReportView, type Report } from "../simulate/simulation-report.tsx";
import { WorkloadForm } from "../simulate/workload-form.tsx";
import { EXAMPLE_WORKLOAD, parseWorkloadJson, workloadJson } from "../simulate/workload.ts";

type Outcome =
  | { readonly kind: "report"; readonly report: Report }
  | { readonly kind: "refused"; readonly code: string; readonly message: string; readonly issues: readonly { field: string; reason: string }[] }
  | { readonly kind: "failed"; readonly message: string };

export function SimulatePage(props: { api: Api }) {
  const models = useModels(props.api);
  const [workload, setWorkload] = useState(EXAMPLE_WORKLOAD);
  const [text, setText] = useState(() => workloadJson(EXAMPLE_WORKLOAD));
  const [textProblem, setTextProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const editForm = (next: typeof workload) => {
    setWorkload(next);
    setText(workloadJson(next));
    setTextProblem(null);
  };
  const editText = (next: string) => {
    setText(next);
    const parsed = parseWorkloadJson(next);
    if ("workload" in parsed) {
      setWorkload(parsed.workload);
      setTextProblem(null);
    } else setTextProblem(parsed.problem);
  };

  const run = async () => {
    setRunning(true);
    try {
      const { simulate } = await props.api.request(SimulateQuery, { workload });
      if (simulate.__typename === "SimulationReport") setOutcome({ kind: "report", report: simulate });
      else {
        const issues = simulate.__typename === "InvalidParams" ? simulate.issues : [];
        const retry = simulate.__typename === "RateLimited" ? ` Retry in ${simulate.retryAfterSeconds} s.` : "";
        setOutcome({ kind: "refused", code: simulate.code, message: simulate.message + retry, issues });
      }
    } catch (error) {
      // A workload the schema itself refuses (a wrong type, an unknown enum value) is a GraphQL error, not a result.
      setOutcome({ kind: "failed", message: error instanceof ApiError ? error.message : `The gateway could not be reached: ${(error as Error).message}` });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section data-testid="simulate">
      <h1>Simulate a workload</h1>
      <p class="muted">
        What would this traffic spend, downgrade and refuse through this gateway's rules (the budget and its downgrade, 5 in flight and 5 per 30 s per key, the
        upstream pool, the 10/20/40-minute clocks)? Simulated, seeded, and nothing is charged.
      </p>
      <div class="card">
        <h2>Workload</h2>
        <WorkloadForm workload={workload} models={models} onChange={editForm} />
        <details class="json-editor">
          <summary>The whole workload as JSON (WorkloadInput)</summary>
          <textarea name="workload-json" data-testid="workload-json" rows={18} spellcheck={false} value={text} onInput={(e) => editText(e.currentTarget.value)} />
        </details>
        {textProblem && (
          <p class="problem" data-testid="json-problem">
            {textProblem}
          </p>
        )}
        <div class="row actions">
          <button type="button" disabled={running || textProblem !== null} onClick={() => void run()}>
            {running ? "Simulating…" : "Run simulation"}
          </button>
          <button type="button" class="link" onClick={() => editForm(EXAMPLE_WORKLOAD)}>
            Back to the example
          </button>
        </div>
      </div>
      {outcome?.kind === "refused" && (
        <div class="card error-card" data-testid="simulate-error" role="alert">
          <p>
            <code class="error-code" data-testid="error-code">
              {outcome.code}
            </code>{" "}
            {outcome.message}
          </p>
          {outcome.issues.length > 0 && (
            <ul data-testid="error-issues">
              {outcome.issues.map((issue) => (
                <li key={issue.field + issue.reason}>
                  <code>{issue.field}</code>: {issue.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === "failed" && (
        <div class="card error-card" data-testid="simulate-error" role="alert">
          <p class="problem">{outcome.message}</p>
        </div>
      )}
      {outcome?.kind === "report" && <SimulationReportView report={outcome.report} />}
    </section>
  );
}
