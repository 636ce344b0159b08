// A model's form, built from its schema (`model(id) { params }`): one field per parameter with
// its kind, allowed values, bounds and default, and the values to send as the REST-shaped `raw`
// input of GenerateInput.
import type { ConsoleModelFormQuery } from "./gql/graphql.ts";

type ModelAnswer = ConsoleModelFormQuery["model"];
export type FormModel = Extract<ModelAnswer, { params: unknown }>;
export type ParamField = FormModel["params"][number];
export type FormValues = Readonly<Record<string, string | number | boolean>>;

/** Parameters the form edits; references (uploads, URLs) and free JSON are left to the API. */
export const editable = (field: ParamField): boolean =>
  ["EnumParam", "NumericEnumParam", "IntegerParam", "NumberParam", "BooleanParam", "StringParam"].includes(field.__typename);

const defaultOf = (field: ParamField): string | number | boolean | undefined => {
  switch (field.__typename) {
    case "EnumParam":
    case "StringParam":
      return field.nameDefault ?? undefined;
    case "NumericEnumParam":
    case "IntegerParam":
    case "NumberParam":
      return field.numberDefault ?? undefined;
    case "BooleanParam":
      return field.booleanDefault ?? undefined;
    default:
      return undefined;
  }
};

/** The starting values: the spec's example request, then each parameter's default. */
export function initialValues(model: FormModel): FormValues {
  const example = (model.example as { params?: Record<string, unknown> } | null)?.params ?? {};
  const values: Record<string, string | number | boolean> = {};
  for (const field of model.params) {
    if (!editable(field)) continue;
    const given = example[field.name];
    const value = typeof given === "string" || typeof given === "number" || typeof given === "boolean" ? given : defaultOf(field);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/** The params to send: every value set; an empty text is left out (the gateway applies its default). */
export function paramsOf(values: FormValues): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
}
