import type { ParamField } from "../model-form.ts";

/** One parameter as a form control: a select for enums, a bounded number, a checkbox, a text. */
export function ParamInput(props: { field: ParamField; value: string | number | boolean | undefined; onChange: (value: string | number | boolean) => void }) {
  const { field, value, onChange } = props;
  const label = (
    <span>
      {field.name}
      {field.required ? " *" : ""} {field.specType !== "?" && <small class="muted">{field.specType}</small>}
    </span>
  );
  const hint = field.description ? <small class="muted">{field.description}</small> : null;
  switch (field.__typename) {
    case "EnumParam":
      return (
        <label>
          {label}
          <select name={field.name} value={String(value ?? "")} onChange={(e) => onChange(e.currentTarget.value)}>
            {!field.required && <option value="">(default)</option>}
            {field.names.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          {hint}
        </label>
      );
    case "NumericEnumParam":
      return (
        <label>
          {label}
          <select name={field.name} value={String(value ?? "")} onChange={(e) => onChange(e.currentTarget.value === "" ? "" : Number(e.currentTarget.value))}>
            {!field.required && <option value="">(default)</option>}
            {field.numbers.map((v) => (
              <option key={v} value={String(v)}>
                {v}
              </option>
            ))}
          </select>
          {hint}
        </label>
      );
    case "IntegerParam":
    case "NumberParam":
      return (
        <label>
          {label}
          <input
            name={field.name}
            type="number"
            min={field.min ?? undefined}
            max={field.max ?? undefined}
            step={field.__typename === "IntegerParam" ? (field.step ?? 1) : "any"}
            value={value === undefined ? "" : String(value)}
            onInput={(e) => onChange(e.currentTarget.value === "" ? "" : Number(e.currentTarget.value))}
          />
          {hint}
        </label>
      );
    case "BooleanParam":
      return (
        <label class="inline">
          <input name={field.name} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
          {label}
        </label>
      );
    case "StringParam":
      return (
        <label>
          {label}
          <textarea
            name={field.name}
            rows={field.name === "prompt" ? 3 : 1}
            minLength={field.minLength ?? undefined}
            maxLength={field.maxLength ?? undefined}
            value={String(value ?? "")}
            onInput={(e) => onChange(e.currentTarget.value)}
          />
          {hint}
        </label>
      );
    default:
      return null;
  }
}
