import type { Engine } from "../../engine/engine.ts";
import type { Params } from "../../engine/normalize.ts";
import { UPLOAD_ID_ARRAYS } from "../../engine/profile.ts";
import { camelName, enumValueName } from "./generate-input.ts";

/** GenerateInput's field for a model: "veo-3.1-fast-generate-001" → "veo31FastGenerate001" (`Model.inputField`). */
export const inputFieldOf = (modelId: string): string => camelName(modelId);

/**
 * The GenerateInput that stands for `{ model, params }`, as a client sends it: the model's typed
 * field with camelCase fields and enum value names (`{ veo31FastGenerate001: { durationSeconds: 8,
 * resolution: P1080 } }`), so a what-if answer can be sent back to `generate(input:)` as it is.
 * A parameter the typed field cannot carry (none, after normalization) makes it `{ raw: { model,
 * params } }`, which takes anything REST takes.
 */
export function typedInputOf(engine: Pick<Engine, "profile">, model: string, params: Params): Record<string, unknown> {
  const raw = { raw: { model, params } };
  const profile = engine.profile(model);
  if (!profile) return raw;
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if ((UPLOAD_ID_ARRAYS as readonly string[]).includes(name)) {
      fields[name] = value;
      continue;
    }
    const spec = profile.params.get(name);
    if (!spec) return raw;
    const values = spec.values ?? [];
    if (spec.type === "enum" && !values.every((v) => typeof v === "number")) {
      if (!values.some((v) => String(v) === String(value))) return raw;
      fields[camelName(name)] = enumValueName(String(value));
    } else fields[camelName(name)] = value;
  }
  return { [inputFieldOf(model)]: fields };
}
