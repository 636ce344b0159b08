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

