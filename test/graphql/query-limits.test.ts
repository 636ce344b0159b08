import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
}, 60_000);
afterAll(async () => gw?.close());

const post = async (query: string) => {
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
};

describe("GraphQL query limits", () => {
  it("answers a document with 30 aliases", async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: credits { __typename }`).join("\n");
    const result = await post(`{ ${fields} }`);
    expect(result.errors).toBeUndefined();
  });

  it("refuses a document with more than 30 aliases before running it", async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: credits { __typename }`).join("\n");
    const result = await post(`{ ${fields} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("refuses a document of more than 20,000 tokens", async () => {
    const fields = Array.from({ length: 20_500 }, () => "__typename").join(" ");
    const result = await post(`{ ${fields} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it("still serves the introspection query GraphiQL and codegen send", async () => {
    const result = await post("{ __schema { types { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }");
    expect(result.errors).toBeUndefined();
  });
});
