import { useEffect, useState } from "preact/hooks";
import type { Api } from "./api/client.ts";
import { ModelFormQuery, ModelsQuery } from "./api/operations.ts";
import type { ConsoleModelsQuery } from "./gql/graphql.ts";
import type { FormModel } from "./model-form.ts";

export type ModelSummary = ConsoleModelsQuery["models"][number];

/** Every model, once per page. */
export function useModels(api: Api): readonly ModelSummary[] {
  const [models, setModels] = useState<readonly ModelSummary[]>([]);
  useEffect(() => {
    let live = true;
    void api.request(ModelsQuery, {}).then(({ models: list }) => live && setModels(list), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return models;
}

/** One model's form schema; null while loading (or when the id is unknown). */
export function useModelForm(api: Api, id: string): FormModel | null {
  const [model, setModel] = useState<FormModel | null>(null);
  useEffect(() => {
    let live = true;
    setModel(null);
    if (!id) return;
    void api.request(ModelFormQuery, { id }).then(({ model: answer }) => {
      if (live && "params" in answer) setModel(answer);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [api, id]);
  return model;
}

/** A select of every model, grouped by kind. */
export const modelOptionsByKind = (models: readonly ModelSummary[]) =>
  (["IMAGE", "VIDEO", "THREE_D"] as const).map((kind) => ({ kind, models: models.filter((m) => m.kind === kind) }));
