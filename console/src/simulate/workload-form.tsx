// The Simulate page's form: the workload's common fields (horizon, replications, seed, keys and
// their daily limits, each stream's model, parameters, arrival, hours and refusal behaviour, the
// upstream's pool and failure rate). What it has no field for is edited in the JSON editor.
import { useEffect, useState } from "preact/hooks";
import { ModelSelect } from "../components/model-select.tsx";
import type { RefusalBehaviour, SeriesStep, WorkloadInput, WorkloadStreamInput } from "../gql/graphql.ts";
import type { ModelSummary } from "../model-list.ts";
import { ARRIVAL_KINDS, newStream, numberOrUndefined, setOrOmit, withKey, withStream } from "./workload.ts";

/** A number input that keeps what is typed ("0." stays) and reports a number, or undefined when emptied. */
function NumberField(props: { label: string; name: string; value: number | null | undefined; onChange: (value: number | undefined) => void; step?: string; min?: number }) {
  const shown = props.value === null || props.value === undefined ? "" : String(props.value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (numberOrUndefined(text) !== (props.value ?? undefined)) setText(shown);
    // Only an outside change (the JSON editor, a reset) replaces what is typed.
  }, [props.value]);
  return (
    <label>
      {props.label}
      <input
        type="number"
        name={props.name}
        step={props.step ?? "any"}
        min={props.min}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          props.onChange(numberOrUndefined(e.currentTarget.value));
        }}
      />
    </label>
  );
}

/** A stream's `params` as JSON: kept as typed while it does not parse, reported once it does. */
function ParamsField(props: { value: unknown; onChange: (params: unknown) => void }) {
  const shown = JSON.stringify(props.value ?? {});
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let typed: unknown;
    try {
      typed = JSON.parse(text);
    } catch {
      typed = undefined;
    }
    if (JSON.stringify(typed) !== shown) {
      setText(shown);
      setProblem(null);
    }
  }, [shown]);
  return (
    <label class="grow">
      Parameters (JSON, as REST's params)
      <textarea
        name="params"
        rows={2}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          try {
            props.onChange(JSON.parse(next));
            setProblem(null);
          } catch (error) {
            setProblem((error as Error).message);
          }
        }}
      />
      {problem && <span class="problem">Not JSON yet: {problem}</span>}
    </label>
  );
}

function StreamFields(props: {
  stream: WorkloadStreamInput;
  keyIds: readonly string[];
  models: readonly ModelSummary[];
  onChange: (stream: WorkloadStreamInput) => void;
  onRemove?: () => void;
}) {
  const { stream, onChange } = props;
  const arrival = stream.arrival ?? { kind: "FIXED" };
  const raw = stream.request?.raw;
  const set = <K extends keyof WorkloadStreamInput>(field: K, value: WorkloadStreamInput[K] | undefined) => onChange(setOrOmit(stream, field, value));
  const setArrival = <K extends keyof typeof arrival>(field: K, value: (typeof arrival)[K] | undefined) => set("arrival", setOrOmit(arrival, field, value));
  const exampleOf = (id: string) => (props.models.find((m) => m.id === id)?.example as { params?: unknown } | null | undefined)?.params ?? {};
  return (
    <fieldset class="stream" data-testid="stream">
      <legend>{stream.name || "stream"}</legend>
      <div class="row">
        <label>
          Name
          <input name="stream-name" value={stream.name ?? ""} onInput={(e) => set("name", e.currentTarget.value || undefined)} />
        </label>
        <label>
          Key
          <select name="stream-key" value={stream.key} onChange={(e) => set("key", e.currentTarget.value)}>
            {[...new Set([...props.keyIds, stream.key])].map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        {raw ? (
          <ModelSelect models={props.models} value={raw.model} onChange={(model) => set("request", { raw: { model, params: exampleOf(model) } })} />
        ) : (
          <p class="muted">A typed request ({Object.keys(stream.request ?? {}).join(", ")}): edit it in the JSON.</p>
        )}
      </div>
      {raw && <ParamsField value={raw.params} onChange={(params) => set("request", { raw: { model: raw.model, params } })} />}
      <div class="row">
        <label>
          Arrival
          <select name="arrival-kind" value={arrival.kind} onChange={(e) => setArrival("kind", e.currentTarget.value as typeof arrival.kind)}>
            {ARRIVAL_KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </label>
        {(arrival.kind === "FIXED" || arrival.kind === "POISSON") && (
          <NumberField label="Requests per hour" name="per-hour" min={0} value={arrival.perHour} onChange={(v) => setArrival("perHour", v)} />
        )}
        {arrival.kind === "BURST" && (
          <>
            <NumberField label="Count" name="count" step="1" min={0} value={arrival.count} onChange={(v) => setArrival("count", v)} />
            <NumberField label="At hour" name="at-hour" min={0} value={arrival.atHour} onChange={(v) => setArrival("atHour", v)} />
          </>
        )}
        {arrival.kind === "LIST" && <p class="muted">{arrival.atSeconds?.length ?? 0} instants: edit `atSeconds` in the JSON.</p>}
        <NumberField label="From hour" name="from-hour" min={0} value={stream.fromHour} onChange={(v) => set("fromHour", v)} />
        <NumberField label="Until hour" name="until-hour" min={0} value={stream.untilHour} onChange={(v) => set("untilHour", v)} />
        <label>
          When refused
          <select name="on-refusal" value={stream.onRefusal ?? "DROP"} onChange={(e) => set("onRefusal", e.currentTarget.value as RefusalBehaviour)}>
            <option value="DROP">drop</option>
            <option value="RETRY">retry after Retry-After</option>
          </select>
        </label>
        {stream.onRefusal === "RETRY" && (
          <NumberField label="Max retries" name="max-retries" step="1" min={0} value={stream.maxRetries} onChange={(v) => set("maxRetries", v)} />
        )}
        {props.onRemove && (
          <button type="button" class="link danger remove" onClick={props.onRemove}>
            Remove stream
          </button>
        )}
      </div>
    </fieldset>
  );
}

export function WorkloadForm(props: { workload: WorkloadInput; models: readonly ModelSummary[]; onChange: (workload: WorkloadInput) => void }) {
  const { workload, onChange } = props;
  const set = <K extends keyof WorkloadInput>(field: K, value: WorkloadInput[K] | undefined) => onChange(setOrOmit(workload, field, value));
  const provider = workload.provider ?? {};
  const setProvider = <K extends keyof typeof provider>(field: K, value: (typeof provider)[K] | undefined) => set("provider", setOrOmit(provider, field, value));
  const keyIds = workload.keys.map((k) => k.id);
  const addStream = () => {
    const model = props.models.find((m) => m.id === "gpt-image-2") ?? props.models[0];
    const params = (model?.example as { params?: unknown } | null | undefined)?.params ?? { prompt: "A dog" };
    set("streams", [...workload.streams, newStream(workload, model?.id ?? "gpt-image-2", params)]);
  };
  return (
    <div data-testid="workload-form">
      <div class="row">
        <NumberField label="Horizon (hours)" name="horizon-hours" min={0} value={workload.horizonHours} onChange={(v) => set("horizonHours", v)} />
        <label>
          Series step
          <select name="series-step" value={workload.seriesStep ?? ""} onChange={(e) => set("seriesStep", (e.currentTarget.value || undefined) as SeriesStep | undefined)}>
            <option value="">by the horizon</option>
            <option value="MINUTE">a minute</option>
            <option value="HOUR">an hour</option>
          </select>
        </label>
        <NumberField label="Replications" name="replications" step="1" min={1} value={workload.replications} onChange={(v) => set("replications", v)} />
        <NumberField label="Seed" name="seed" step="1" value={workload.seed} onChange={(v) => set("seed", v)} />
        <NumberField label="Upstream accounts" name="pool-size" step="1" min={1} value={provider.poolSize} onChange={(v) => setProvider("poolSize", v)} />
        <NumberField label="Failure rate (0-1)" name="failure-rate" min={0} value={provider.failureRate} onChange={(v) => setProvider("failureRate", v)} />
      </div>
      <h3>Keys</h3>
      {workload.keys.map((key, i) => (
        <div class="row" key={i} data-testid="workload-key">
          <label>
            Key id
            <input name="key-id" value={key.id} onInput={(e) => onChange(withKey(workload, i, Object.assign({}, key, { id: e.currentTarget.value })))} />
          </label>
          <NumberField
            label="Daily limit (USD; empty: yours)"
            name="daily-limit"
            min={0}
            value={key.dailyLimitUsd}
            onChange={(v) => onChange(withKey(workload, i, setOrOmit(key, "dailyLimitUsd", v)))}
          />
          {workload.keys.length > 1 && (
            <button type="button" class="link danger" onClick={() => set("keys", workload.keys.filter((_, j) => j !== i))}>
              Remove key
            </button>
          )}
        </div>
      ))}
      <button type="button" class="link" onClick={() => set("keys", [...workload.keys, { id: `key-${workload.keys.length + 1}`, dailyLimitUsd: 100 }])}>
        Add a key
      </button>
      <h3>Streams</h3>
      {workload.streams.map((stream, i) => (
        <StreamFields
          key={i}
          stream={stream}
          keyIds={keyIds}
          models={props.models}
          onChange={(next) => onChange(withStream(workload, i, next))}
          onRemove={workload.streams.length > 1 ? () => set("streams", workload.streams.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <button type="button" class="link" onClick={addStream}>
        Add a stream
      </button>
    </div>
  );
}
