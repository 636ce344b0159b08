import { usd } from "../format.ts";
import { modelOptionsByKind, type ModelSummary } from "../model-list.ts";

// Each model with what its example request costs, to the exact micro-dollar the estimate shows:
// the spec's cost line rounds to cents ("~$0.00" for a $0.003 image), which reads as free.

export function ModelSelect(props: { models: readonly ModelSummary[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      Model
      <select name="model" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {modelOptionsByKind(props.models).map(({ kind, models }) => (
          <optgroup key={kind} label={kind}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({usd(m.defaultCost)} for its example)
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
