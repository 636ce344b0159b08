/**
 * The spec's "3D Models" section (docs/gateai-core-api.md, a copy of the spec),
 * transcribed verbatim, in spec order.
 * Data only: nothing here computes.
 */
import type { ModelSpec } from "../types.ts";

export const threeDModels: readonly ModelSpec[] = [
  {
    id: "rodin-v2",
    name: "Rodin V2",
    kind: "3d",
    output: "3d",
    costSummary: "~$0.16 per generation",
    params: [
      {
        name: "seed",
        type: "integer",
        specType: "integer",
        required: false,
        min: 0,
        max: 65535,
        description: "Seed for reproducible generation",
      },
      {
        name: "quality",
        type: "enum",
        specType: "extra_low / low / medium / high",
        required: false,
        values: ["extra_low", "low", "medium", "high"],
        default: "high",
        description: "Generation quality level. Polygon counts depend on mesh_mode: Triangle (extra_low: 2k, low: 20k, medium: 150k, high: 500",
      },
      {
        name: "ta_pose",
        type: "boolean",
        specType: "boolean",
        required: false,
        default: false,
        description: "Apply T/A-pose constraint for human character meshes (easier to rig and animate)",
      },
      {
        name: "material",
        type: "enum",
        specType: "PBR / Shaded / All",
        required: false,
        values: ["PBR", "Shaded", "All"],
        default: "All",
        description: "Material mode for the generated mesh",
      },
      {
        name: "mesh_mode",
        type: "enum",
        specType: "Quad / Triangle",
        required: false,
        values: ["Quad", "Triangle"],
        default: "Triangle",
        description: "Type of faces in the generated mesh. Quad produces quadrilateral faces (smoother surfaces), Triangle produces triangular",
      },
      {
        name: "bounding_box",
        type: "array",
        specType: "array",
        required: false,
        description: "Bounding box dimensions as [width, height, length] integers to constrain the generated model size",
      },
      {
        name: "use_original_alpha",
        type: "boolean",
        specType: "boolean",
        required: false,
        default: false,
        description: "Preserve original alpha channel from input images",
      },
    ],
    example: {
      model: "rodin-v2",
      type: "3d",
      params: { quality: "high", ta_pose: false, material: "All", mesh_mode: "Triangle", use_original_alpha: false },
    },
  },
];
