// `priceAcross` for any model: its example request priced across one parameter (duration by
// default), once per value of another (the resolution parameter by default), drawn as a chart.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { PriceAcrossQuery } from "../api/operations.ts";
import { ModelSelect } from "../components/model-select.tsx";
import { PriceChart } from "../components/price-chart.tsx";
import type { FormModel } from "../model-form.ts";
import { useModelForm, useModels } from "../model-list.ts";
import { useQueryAnswer } from "./query-answer.ts";

const DEFAULT_MODEL = "seedance-2.0";

/** Parameters with a list of values: what `across` and `by` can range over. */
const enumerable = (model: FormModel): string[] =>
  model.params.filter((p) => ["EnumParam", "NumericEnumParam", "BooleanParam"].includes(p.__typename)).map((p) => p.name);

const exampleParams = (model: FormModel): unknown => (model.example as { params?: unknown } | null)?.params ?? {};

export function PriceAcross(props: { api: Api }) {
  const { api } = props;
  const models = useModels(api);
  const [modelId, setModelId] = useState(DEFAULT_MODEL);
  const model = useModelForm(api, modelId);
  const [across, setAcross] = useState("");
  const [by, setBy] = useState("");

  useEffect(() => {
    if (!model) return;
    const choices = enumerable(model);
    const durationParam = "durationParam" in model ? model.durationParam : null;
    const first = durationParam ?? choices.find((c) => c !== model.resolutionParam) ?? choices[0] ?? "";
    setAcross(first);
    setBy(model.resolutionParam && model.resolutionParam !== first ? model.resolutionParam : "");
  }, [model]);

  const { answer, failure } = useQueryAnswer(
    () => (model && across ? api.request(PriceAcrossQuery, { input: { raw: { model: model.id, params: exampleParams(model) } }, across, by: by || null }) : undefined),
    [api, model, across, by],
  );
  const table = answer?.priceAcross ?? null;

  const choices = model ? enumerable(model) : [];
  return (
    <div class="card">
      <h2>Price across a parameter</h2>
      <div class="row">
        <ModelSelect models={models} value={modelId} onChange={setModelId} />
        <label>
          Across
          <select name="across" value={across} onChange={(e) => setAcross(e.currentTarget.value)}>
            {choices.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          By
          <select name="by" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
            <option value="">(none)</option>
            {choices.filter((c) => c !== across).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      {table?.__typename === "PriceTable" && <PriceChart across={table.across} by={table.by} series={table.series} />}
      {table && table.__typename !== "PriceTable" && <p class="problem">{table.message}</p>}
      {failure && <p class="problem">{failure}</p>}
      {!model && <p class="muted">Loading…</p>}
    </div>
  );
}
