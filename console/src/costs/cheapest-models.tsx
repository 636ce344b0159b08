// `cheapestModels`: the models that can serve a need (output, aspect ratio, size, duration), cheapest first.
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { CheapestModelsQuery } from "../api/operations.ts";
import { shortJson, usd } from "../format.ts";
import type { OutputKind } from "../gql/graphql.ts";
import { useQueryAnswer } from "./query-answer.ts";

export function CheapestModels(props: { api: Api }) {
  const [output, setOutput] = useState<OutputKind>("VIDEO");
  const [aspectRatio, setAspectRatio] = useState("16:9");
  const [minShortSide, setMinShortSide] = useState(720);
  const [minDuration, setMinDuration] = useState(5);
  const { answer: data, failure } = useQueryAnswer(() => {
    const need = {
      output,
      ...(aspectRatio ? { aspectRatio } : {}),
      ...(minShortSide > 0 ? { minShortSide } : {}),
      ...(output === "VIDEO" && minDuration > 0 ? { minDuration } : {}),
    };
    return props.api.request(CheapestModelsQuery, { need, first: 10 });
  }, [props.api, output, aspectRatio, minShortSide, minDuration]);
  const answer = data?.cheapestModels ?? null;

  return (
    <div class="card">
      <h2>Cheapest models for a need</h2>
      <div class="row">
        <label>
          Output
          <select value={output} onChange={(e) => setOutput(e.currentTarget.value as OutputKind)}>
            <option>IMAGE</option>
            <option>VIDEO</option>
            <option>THREE_D</option>
          </select>
        </label>
        <label>
          Aspect ratio
          <input value={aspectRatio} maxLength={11} onInput={(e) => setAspectRatio(e.currentTarget.value)} />
        </label>
        <label>
          Min short side (px)
          <input type="number" min={0} max={8192} value={minShortSide} onInput={(e) => setMinShortSide(Number(e.currentTarget.value))} />
        </label>
        <label>
          Min duration (s)
          <input type="number" min={0} max={60} value={minDuration} onInput={(e) => setMinDuration(Number(e.currentTarget.value))} />
        </label>
      </div>
      {answer?.__typename === "ModelOptions" ? (
        <table data-testid="cheapest-models">
          <thead>
            <tr>
              <th>Model</th>
              <th>Cost</th>
              <th>Parameters</th>
            </tr>
          </thead>
          <tbody>
            {answer.options.map((o) => (
              <tr key={o.model.id}>
                <td>{o.model.name}</td>
                <td>{usd(o.cost)}</td>
                <td>
                  <code>{shortJson(o.params)}</code>
                  {o.needsStartFrame ? " (needs a start frame)" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        answer && <p class="problem">{answer.message}</p>
      )}
      {failure && <p class="problem">{failure}</p>}
    </div>
  );
}
