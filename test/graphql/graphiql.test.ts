// GraphiQL: a browser opening /graphql gets the GraphiQL page; API clients get GraphQL.
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { GRAPHIQL_BUNDLE_FILE, loadBundleOffThread } from "../../src/graphql/graphiql.ts";
import { describeOnEverySetup } from "./support/harness.ts";

describeOnEverySetup("GraphiQL on /graphql", {}, (h) => {
  it("serves the GraphiQL page to GET /graphql with accept: text/html", async () => {
    const response = await fetch(`${h.gw.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("<title>GateAI GraphQL</title>");
    expect(html).toMatch(/graphiql/i);
  });

  it("answers a GET query from an API client with JSON, not the page", async () => {
    const response = await fetch(`${h.gw.url}/graphql?query=${encodeURIComponent('{ model(id: "gpt-image-2") { __typename } }')}`, {
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { model: { __typename: "ImageModel" } } });
  });

  it("serves GraphiQL's script as loaded on a worker thread: the main thread never evaluates the 9 MB bundle", async () => {
    const response = await fetch(`${h.gw.url}/graphql/graphiql/graphiql.js`);
    expect(response.status).toBe(200);
    const served = await response.text();
    expect(served).toBe((await loadBundleOffThread()).js);
    expect(served.length).toBeGreaterThan(1_000_000);
    // The gateway runs in this process: had it required the bundle here, it would be in this cache.
    expect(Object.keys(createRequire(import.meta.url).cache)).not.toContain(GRAPHIQL_BUNDLE_FILE);
  });

  it("refuses a mutation sent with GET", async () => {
    const response = await fetch(`${h.gw.url}/graphql?query=${encodeURIComponent('mutation { generate(input: { gptImage2: { prompt: "a" } }) { __typename } }')}`, {
      headers: { accept: "application/json", authorization: `Bearer ${h.gw.key}` },
    });
    expect(response.status).toBe(405);
    const body = await response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/mutation/i);
  });
});
