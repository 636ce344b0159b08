import type { GatewayServices } from "../../services/gateway-services.ts";
import { pathSegment } from "../path.ts";
import { presentModelSchema, presentModelSummary, presentRunner } from "../presenters/model.ts";
import { invalidParams } from "../../engine/errors.ts";
import { modelIdIssue } from "../../http/generation-request.ts";
import { errorBody, sendError, sendJson, sendJsonText, statusOf } from "../respond.ts";
import type { Handler } from "../route.ts";

/**
 * Model discovery (no auth). The catalog is immutable, so every answer is serialized once, when
 * the router is built; a request only looks its bytes up.
 */
export function modelRoutes(services: GatewayServices): { list: Handler; schema: Handler; single: Handler } {
  const { engine } = services;
  // Additive fields beside the spec's: whether the model runs here now, and where.
  const runner = services.availability;
  const listJson = JSON.stringify(engine.models.map((model) => (Object.assign({}, presentModelSummary(engine.profile(model.id)!), (runner ? presentRunner(runner(model.id)) : {})))));
  const schemaJsonById = new Map(engine.models.map((model) => [model.id, JSON.stringify(presentModelSchema(engine.profile(model.id)!))]));
  const schemaJson = `[${[...schemaJsonById.values()].join(",")}]`;

  return {
    list: async ({ res }) => sendJsonText(res, 200, listJson),
    schema: async ({ res }) => sendJsonText(res, 200, schemaJson),
    // Ids contain dots and underscores (cortex_2.0, veo-3.1-lite): the raw segment, decoded, is the id.
    single: async ({ res, tail }) => {
      const id = pathSegment(tail) ?? tail;
      const json = schemaJsonById.get(id);
      if (json !== undefined) return sendJsonText(res, 200, json);
      // An id no model can have is refused before the fuzzy suggestions (the rule of generate's `model`).
      const issue = modelIdIssue(id, "id");
      if (issue) return sendError(res, undefined, invalidParams([issue]));
      const found = engine.findModel(id);
      if (found.ok) return sendJsonText(res, 200, JSON.stringify(presentModelSchema(found.value)));
      // The spec's wording exactly: "Model not found", with the fuzzy suggestions.
      sendJson(res, statusOf(found.error.code), errorBody(Object.assign({}, found.error, { message: "Model not found" })));
    },
  };
}
