// Key administration: createApiKey, revokeApiKey and setDailyLimit need GATEAI_ADMIN_TOKEN (as
// Authorization: Bearer or x-admin-token), and take effect at once.
import { expect, it } from "vitest";
import { ADMIN_TOKEN, describeOnEverySetup } from "./support/harness.ts";

const API_KEY = /* GraphQL */ `id prefix label dailyLimit hasOwnLimit createdAt revokedAt`;

const CREATE = /* GraphQL */ `
  mutation Create($label: String, $dailyLimit: Float) {
    createApiKey(label: $label, dailyLimit: $dailyLimit) {
      __typename
      ... on CreatedApiKey { key apiKey { ${API_KEY} } }
      ... on Error { code message }
      ... on InvalidParams { issues { field reason } }
    }
  }
`;

const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { ${API_KEY} } ... on Error { code message } }
  }
`;

const SET_LIMIT = /* GraphQL */ `
  mutation SetLimit($id: ID!, $dailyLimit: Float) {
    setDailyLimit(id: $id, dailyLimit: $dailyLimit) { __typename ... on ApiKey { ${API_KEY} } ... on Error { code message } }
  }
`;

const CREDITS = /* GraphQL */ `query { credits { __typename ... on Credits { yourBudget { dailyLimit used remaining } } ... on Error { code } } }`;

const GENERATE = /* GraphQL */ `
  mutation ($input: GenerateInput!) {
    generate(input: $input) {
      __typename
      ... on GenerateSuccess { cost adjustments { param from to reason } }
      ... on InsufficientBudget { cheapestCost remaining }
      ... on Error { code }
    }
  }
`;

const asAdmin = { key: ADMIN_TOKEN };

describeOnEverySetup("GraphQL key administration", { env: { GATEAI_ADMIN_TOKEN: ADMIN_TOKEN } }, (h) => {
  it("answers Forbidden to every admin mutation without the admin token (none, an API key, a wrong token)", async () => {
    const { record } = await h.gw.createKey();
    const callers = [{}, { key: h.gw.key }, { key: "not-the-admin-token-at-all" }, { headers: { "x-admin-token": "not-the-admin-token-at-all" } }];
    for (const caller of callers) {
      const created = (await h.gql.data(CREATE, { label: "sneaky" }, caller)).createApiKey;
      const revoked = (await h.gql.data(REVOKE, { id: record.id }, caller)).revokeApiKey;
      const limited = (await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit: 1 }, caller)).setDailyLimit;
      for (const answer of [created, revoked, limited]) {
        expect(answer).toEqual({ __typename: "Forbidden", code: "FORBIDDEN", message: expect.stringContaining("GATEAI_ADMIN_TOKEN") });
      }
    }
    // Nothing changed: the key still works with its default limit.
    const { key } = await h.gw.createKey();
    expect((await h.gql.data(CREDITS, {}, { key })).credits.yourBudget.dailyLimit).toBe(100);
  });

  it("createApiKey returns a key that works at once, with its own daily limit", async () => {
    const { createApiKey } = await h.gql.data(CREATE, { label: "partner", dailyLimit: 2 }, asAdmin);
    expect(createApiKey).toMatchObject({
      __typename: "CreatedApiKey",
      key: expect.stringMatching(/^sk-/),
      apiKey: { id: expect.any(String), label: "partner", dailyLimit: 2, hasOwnLimit: true, revokedAt: null },
    });
    expect(createApiKey.key.startsWith(createApiKey.apiKey.prefix)).toBe(true);

    const key = createApiKey.key as string;
    expect((await h.gql.data(CREDITS, {}, { key })).credits).toEqual({ __typename: "Credits", yourBudget: { dailyLimit: 2, used: 0, remaining: 2 } });
    expect((await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "hello", quality: "HIGH" } } }, { key })).generate).toMatchObject({ __typename: "GenerateSuccess", cost: 0.11 });
  });

  it("accepts the admin token as x-admin-token too; a key without a limit gets the default", async () => {
    const { createApiKey } = await h.gql.data(CREATE, {}, { headers: { "x-admin-token": ADMIN_TOKEN } });
    expect(createApiKey).toMatchObject({ __typename: "CreatedApiKey", apiKey: { label: null, dailyLimit: 100, hasOwnLimit: false } });
  });

  it("revokeApiKey refuses the key at once, even right after it was used", async () => {
    const { createApiKey } = await h.gql.data(CREATE, { label: "to revoke" }, asAdmin);
    const key = createApiKey.key as string;
    expect((await h.gql.data(CREDITS, {}, { key })).credits.__typename).toBe("Credits");

    const { revokeApiKey } = await h.gql.data(REVOKE, { id: createApiKey.apiKey.id }, asAdmin);
    expect(revokeApiKey).toMatchObject({ __typename: "ApiKey", id: createApiKey.apiKey.id, revokedAt: expect.any(String) });

    expect((await h.gql.data(CREDITS, {}, { key })).credits).toEqual({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
    expect((await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "hello" } } }, { key })).generate).toEqual({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
  });

  it("setDailyLimit applies the new limit at once, and null goes back to the default", async () => {
    const { key, record } = await h.gw.createKey();
    expect((await h.gql.data(CREDITS, {}, { key })).credits.yourBudget.dailyLimit).toBe(100);

    const { setDailyLimit } = await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit: 0.25 }, asAdmin);
    expect(setDailyLimit).toMatchObject({ __typename: "ApiKey", id: record.id, dailyLimit: 0.25, hasOwnLimit: true });
    expect((await h.gql.data(CREDITS, {}, { key })).credits.yourBudget).toEqual({ dailyLimit: 0.25, used: 0, remaining: 0.25 });
    // seedance-2.0 costs at least $0.4932: over the new limit.
    expect((await h.gql.data(GENERATE, { input: { seedance20: { prompt: "waves" } } }, { key })).generate).toMatchObject({
      __typename: "InsufficientBudget",
      remaining: 0.25,
    });

    const reset = (await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit: null }, asAdmin)).setDailyLimit;
    expect(reset).toMatchObject({ dailyLimit: 100, hasOwnLimit: false });
    expect((await h.gql.data(CREDITS, {}, { key })).credits.yourBudget.dailyLimit).toBe(100);
  });

  it("answers KeyNotFound for an unknown key id and InvalidParams for a limit that is not a positive amount", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await h.gql.data(REVOKE, { id: missing }, asAdmin)).revokeApiKey).toMatchObject({ __typename: "KeyNotFound", code: "KEY_NOT_FOUND" });
    expect((await h.gql.data(SET_LIMIT, { id: missing, dailyLimit: 1 }, asAdmin)).setDailyLimit).toMatchObject({ __typename: "KeyNotFound" });
    const { record } = await h.gw.createKey();
    for (const dailyLimit of [0, -5]) {
      expect((await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit }, asAdmin)).setDailyLimit).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS" });
      expect((await h.gql.data(CREATE, { dailyLimit }, asAdmin)).createApiKey).toMatchObject({ __typename: "InvalidParams", issues: [{ field: "dailyLimit", reason: expect.any(String) }] });
    }
  });

  it("bounds a daily limit as GATEAI_DAILY_LIMIT: $0.000001 to $1,000,000,000, at most 6 decimals (1e300 was a 500, 1e-9 set $0)", async () => {
    const { record } = await h.gw.createKey();
    for (const dailyLimit of [1e300, 1e-9, 1_000_000_000.5, 0.0000015]) {
      const refused = (await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit }, asAdmin)).setDailyLimit;
      expect(refused, String(dailyLimit)).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS", message: expect.stringContaining("$1,000,000,000") });
      expect((await h.gql.data(CREATE, { dailyLimit }, asAdmin)).createApiKey, String(dailyLimit)).toMatchObject({ __typename: "InvalidParams" });
    }
    expect((await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit: 0.000001 }, asAdmin)).setDailyLimit).toMatchObject({ __typename: "ApiKey", dailyLimit: 0.000001 });
    expect((await h.gql.data(SET_LIMIT, { id: record.id, dailyLimit: 1_000_000_000 }, asAdmin)).setDailyLimit).toMatchObject({ __typename: "ApiKey", dailyLimit: 1_000_000_000 });
  });

  it("bounds labels and ids: a label over 100 characters or with NUL is InvalidParams; an id with NUL or over 100 characters is KeyNotFound, never a 500", async () => {
    for (const label of ["l".repeat(101), "a\u0000b", "\ud800"]) {
      const reply = await h.gql.post(CREATE, { label }, asAdmin);
      expect(reply.status).toBe(200);
      expect(reply.body.data?.createApiKey, JSON.stringify(label.slice(0, 5))).toMatchObject({ __typename: "InvalidParams", issues: [{ field: "label" }] });
    }
    expect((await h.gql.data(CREATE, { label: "l".repeat(100) }, asAdmin)).createApiKey).toMatchObject({ __typename: "CreatedApiKey" });
    for (const id of ["a\u0000b", "\udc00", "i".repeat(1_000_000)]) {
      const revoked = await h.gql.post(REVOKE, { id }, asAdmin);
      expect(revoked.status).toBe(200);
      expect(revoked.body.data?.revokeApiKey).toMatchObject({ __typename: "KeyNotFound", code: "KEY_NOT_FOUND" });
      expect((revoked.body.data?.revokeApiKey as { message: string }).message.length).toBeLessThan(200);
      expect((await h.gql.data(SET_LIMIT, { id, dailyLimit: 1 }, asAdmin)).setDailyLimit).toMatchObject({ __typename: "KeyNotFound" });
    }
  });
});
