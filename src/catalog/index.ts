/**
 * The model catalog: every model of the API spec, in spec order (image, then video, then 3D).
 */
import type { ModelSpec } from "./types.ts";
import { imageModels } from "./models/image.ts";
import { videoModels } from "./models/video.ts";
import { threeDModels } from "./models/three-d.ts";

export type * from "./types.ts";
export { imageModels, videoModels, threeDModels };

export const catalog: readonly ModelSpec[] = [...imageModels, ...videoModels, ...threeDModels];

/** Indexes models by id. Pure: builds a fresh map; on duplicate ids the first model wins. */
export function modelById(models: readonly ModelSpec[]): ReadonlyMap<string, ModelSpec> {
  const byId = new Map<string, ModelSpec>();
  for (const model of models) if (!byId.has(model.id)) byId.set(model.id, model);
  return byId;
}
