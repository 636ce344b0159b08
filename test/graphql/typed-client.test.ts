// A codegen client: the TypedDocumentNodes in test/generated/graphql.ts (from
// test/graphql/operations, see codegen.ts) against a running gateway. Variables and results are
// typed, enums per model included: tsc rejects what the schema would (see the @ts-expect-error).
import { expect, it } from "vitest";
import {
  EstimateDocument,
  GenerateGptImage2Document,
  GenerateSeedanceDocument,
  MeDocument,
  SeedancePriceAcrossDocument,
  TaskUpdatedDocument,
  type GenerateGptImage2MutationVariables,
  type TaskUpdatedSubscription,
} from "../generated/graphql.ts";
import type { GenerateInput, GptImage2Quality, Seedance20Params } from "../generated/schema-types.ts";
import { record } from "./support/client.ts";
import { describeOnEverySetup } from "./support/harness.ts";

describeOnEverySetup("codegen typed documents", { manualTime: true }, (h) => {
  it("GenerateGptImage2 with quality: HIGH (a GptImage2Quality) is charged $0.11 and narrows by __typename", async () => {
    const { key } = await h.gw.createKey();
    const quality: GptImage2Quality = "HIGH";
    const { generate } = await h.gql.data(GenerateGptImage2Document, { prompt: "a typed fox", quality }, { key });
    if (generate.__typename !== "GenerateSuccess") throw new Error(`expected GenerateSuccess, got ${generate.__typename}`);
    // Narrowed: task, cost and replayed are fields of GenerateSuccess only.
    expect(generate.cost).toBe(0.11);
    expect(generate.replayed).toBe(false);
    expect(generate.task.model).toBe("gpt-image-2");
    expect(generate.task.output).toBe("IMAGE");
    expect(generate.task.params).toMatchObject({ quality: "high", width: 1024, height: 1024 });
  });

  it("rejects an enum value the model does not have, at compile time and at run time", async () => {
    const { key } = await h.gw.createKey();
    // @ts-expect-error "ULTRA" is not a GptImage2Quality.
    const variables: GenerateGptImage2MutationVariables = { prompt: "a fox", quality: "ULTRA" };
    const reply = await h.gql.post(GenerateGptImage2Document, variables, { key });
    expect(reply.body.data ?? undefined).toBeUndefined();
    expect(reply.body.errors?.[0]?.message).toMatch(/\$quality.*"ULTRA".*GptImage2Quality/s);
  });

  it("GenerateSeedance takes Seedance20Params with its Seedance20Mode enum and reports a budget downgrade", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 3 });
    const input: Seedance20Params = { prompt: "a typed storm", mode: "RESOLUTION_1080", duration: 15 };
    const { generate } = await h.gql.data(GenerateSeedanceDocument, { input }, { key });
    if (generate.__typename !== "GenerateSuccess") throw new Error(`expected GenerateSuccess, got ${generate.__typename}`);
    expect(generate.cost).toBe(2.77425);
    expect(generate.adjustments).toEqual([{ param: "duration", from: 15, to: 10, reason: "BUDGET_DOWNGRADE" }]);
  });

  it("Estimate takes any GenerateInput: exactly one field, typed by model", async () => {
    const { key } = await h.gw.createKey();
    const typed: GenerateInput = { gptImage2: { prompt: "a fox", quality: "MEDIUM" } };
    const raw: GenerateInput = { raw: { model: "gpt-image-2", params: { prompt: "a fox", quality: "medium" } } };
    // @ts-expect-error GenerateInput is @oneOf: two fields at once do not type-check.
    const both: GenerateInput = { ...typed, ...raw };
    expect(Object.keys(both)).toHaveLength(2);

    const [fromTyped, fromRaw] = await Promise.all([h.gql.data(EstimateDocument, { input: typed }, { key }), h.gql.data(EstimateDocument, { input: raw }, { key })]);
    if (fromTyped.estimate.__typename !== "Estimate" || fromRaw.estimate.__typename !== "Estimate") throw new Error("expected two Estimates");
    expect(fromTyped.estimate.cost).toBe(fromRaw.estimate.cost);
    expect(fromTyped.estimate.fitsInBudget).toBe(true);
    expect(fromTyped.estimate.suggestion).toBeNull();
  });

  it("SeedancePriceAcross gives $11.25 for 15 s at RESOLUTION_1080", async () => {
    const { priceAcross } = await h.gql.data(SeedancePriceAcrossDocument, { input: { prompt: "a storm" }, across: "duration", by: "mode" });
    if (priceAcross.__typename !== "PriceTable") throw new Error(`expected PriceTable, got ${priceAcross.__typename}`);
    const at1080 = priceAcross.series.find((s) => s.by === "RESOLUTION_1080");
    expect(at1080?.points.find((p) => p.value === 15)?.cost).toBe(11.25);
  });

  it("Me and the TaskUpdated subscription (graphql-ws) follow a typed generation to FINISHED", async () => {
    const { key } = await h.gw.createKey();
    const { generate } = await h.gql.data(GenerateGptImage2Document, { prompt: "watch me", quality: "LOW" }, { key });
    if (generate.__typename !== "GenerateSuccess") throw new Error(`expected GenerateSuccess, got ${generate.__typename}`);

    const subscription = record(h.ws(`Bearer ${key}`), TaskUpdatedDocument, { id: generate.task.id });
    const [current] = await subscription.until((updates) => updates.length >= 1, "the current state");
    expect(current!.taskUpdated).toMatchObject({ __typename: "TaskUpdate", type: "QUEUED" });
    await h.drive([{ key, id: generate.task.id }]);
    const updates = await subscription.done();
    const last: TaskUpdatedSubscription["taskUpdated"] = updates.at(-1)!.taskUpdated;
    if (last.__typename !== "TaskUpdate") throw new Error(`expected TaskUpdate, got ${last.__typename}`);
    expect(last.type).toBe("FINISHED");
    expect(last.task.result.every((url) => url.startsWith(`${h.gw.baseUrl}/files/`))).toBe(true);

    const { me } = await h.gql.data(MeDocument, {}, { key });
    if (me.__typename !== "Dashboard") throw new Error(`expected Dashboard, got ${me.__typename}`);
    expect(me.recentTasks.map((t) => t.id)).toEqual([generate.task.id]);
    expect(me.todaySpending).toEqual([{ model: "gpt-image-2", requests: 1, cost: generate.cost }]);
  });
});
