// The catalog through GraphQL: `models` (the Model union, typed parameter specs) and `model(id)`.
import { expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { describeOnEverySetup } from "./support/harness.ts";

const engine = createEngine();
const TYPENAME_BY_KIND = { image: "ImageModel", video: "VideoModel", "3d": "ThreeDModel" } as const;

const MODELS = /* GraphQL */ `
  query Models($kind: ModelKind) {
    models(kind: $kind) {
      __typename
      ... on AiModel {
        id
        name
        kind
        output
        costSummary
        defaultCost
        maxQuantity
        requiredParams
        params {
          __typename
          name
          required
          ... on EnumParam { values enumDefault: default }
          ... on NumericEnumParam { numericValues: values numericDefault: default }
          ... on IntegerParam { min max step }
        }
      }
      ... on VideoModel { durations durationParam }
    }
  }
`;

const MODEL = /* GraphQL */ `
  query Model($id: ID!) {
    model(id: $id) {
      __typename
      ... on AiModel { id name resolutionParam resolutionTiers }
      ... on VideoModel { durations durationParam }
      ... on ModelNotFound { code message model suggestions }
    }
  }
`;

describeOnEverySetup("GraphQL models", {}, (h) => {
  it("lists all 53 catalog models in the spec's order, each as ImageModel, VideoModel or ThreeDModel by its section", async () => {
    const { models } = await h.gql.data(MODELS, {}, { key: h.gw.key });
    expect(models).toHaveLength(53);
    expect(models.map((m: { id: string }) => m.id)).toEqual(engine.models.map((m) => m.id));
    for (const [i, spec] of engine.models.entries()) {
      expect(models[i].__typename).toBe(TYPENAME_BY_KIND[spec.kind]);
      expect(models[i].kind).toBe({ image: "IMAGE", video: "VIDEO", "3d": "THREE_D" }[spec.kind]);
      expect(models[i].name).toBe(spec.name);
    }
    const count = (typename: string) => models.filter((m: { __typename: string }) => m.__typename === typename).length;
    expect([count("ImageModel"), count("VideoModel"), count("ThreeDModel")]).toEqual([19, 33, 1]);
    // Image-producing models of the spec's video section stay VideoModel, with output IMAGE.
    expect(models.find((m: { id: string }) => m.id === "lucid-origin")).toMatchObject({ __typename: "VideoModel", kind: "VIDEO", output: "IMAGE" });
  });

  it("needs no API key to read the catalog", async () => {
    const { models } = await h.gql.data(MODELS, {});
    expect(models).toHaveLength(53);
  });

  it("filters by kind", async () => {
    const { models } = await h.gql.data(MODELS, { kind: "THREE_D" });
    expect(models.map((m: { __typename: string }) => m.__typename)).toEqual(["ThreeDModel"]);
  });

  it("types each parameter: enum names with their values, numeric enums, integers with bounds", async () => {
    const { models } = await h.gql.data(MODELS, {});
    const gptImage2 = models.find((m: { id: string }) => m.id === "gpt-image-2");
    expect(gptImage2.__typename).toBe("ImageModel");
    expect(gptImage2.requiredParams).toEqual(["prompt"]);
    expect(gptImage2.maxQuantity).toBe(8);
    const params = Object.fromEntries(gptImage2.params.map((p: { name: string }) => [p.name, p]));
    expect(params.quality).toEqual({ __typename: "EnumParam", name: "quality", required: false, values: ["high", "medium", "low"], enumDefault: "low" });
    expect(params.output_format).toMatchObject({ __typename: "EnumParam", values: ["jpeg", "png"], enumDefault: "jpeg" });
    expect(params.width).toMatchObject({ __typename: "IntegerParam", min: 256, max: 3840, step: 16 });
    expect(params.prompt).toMatchObject({ required: true });

    const seedance = models.find((m: { id: string }) => m.id === "seedance-2.0");
    expect(seedance.__typename).toBe("VideoModel");
    expect(seedance.durations).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(seedance.durationParam).toBe("duration");
    const duration = seedance.params.find((p: { name: string }) => p.name === "duration");
    expect(duration).toMatchObject({ __typename: "NumericEnumParam", numericValues: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], numericDefault: 8 });
    const mode = seedance.params.find((p: { name: string }) => p.name === "mode");
    expect(mode).toMatchObject({ __typename: "EnumParam", values: ["RESOLUTION_720", "RESOLUTION_1080"] });

    // Every model's parameters resolve to a concrete ParamSpec type, and every price is a number.
    for (const model of models) {
      expect(model.defaultCost).toBeGreaterThanOrEqual(0);
      for (const p of model.params) expect(p.__typename).toMatch(/Param$/);
    }
  });

  it("answers model(id) with the model itself", async () => {
    const { model } = await h.gql.data(MODEL, { id: "seedance-2.0" });
    expect(model).toMatchObject({
      __typename: "VideoModel",
      id: "seedance-2.0",
      durationParam: "duration",
      resolutionParam: "mode",
      resolutionTiers: ["RESOLUTION_720", "RESOLUTION_1080"],
    });
  });

  it('answers an unknown id with ModelNotFound and the nearest ids: "seedance" → ["seedance-2.0"]', async () => {
    const { model } = await h.gql.data(MODEL, { id: "seedance" });
    expect(model).toEqual({
      __typename: "ModelNotFound",
      code: "MODEL_NOT_FOUND",
      message: expect.any(String),
      model: "seedance",
      suggestions: ["seedance-2.0"],
    });
  });
});
