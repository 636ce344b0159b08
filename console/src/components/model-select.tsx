import { modelOptionsByKind, type ModelSummary } from "../model-list.ts";

export function ModelSelect(props: { models: readonly ModelSummary[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      Model
      <select name="model" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {modelOptionsByKind(props.models).map(({ kind, models }) => (
          <optgroup key={kind} label={kind}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.costSummary})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
