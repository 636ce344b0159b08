import { createServer } from "node:http";
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { useValidDocuments } from "../../../src/graphql/plugins/valid-documents.ts";
import { createJsonPostHandler } from "../../../src/graphql/transports/json-post.ts";

/** Counts the calls of the validate function the pipeline ends up with. */
function countingValidation(): { plugin: Plugin; readonly count: number } {
  const counter = {
    count: 0,
    plugin: {
      onValidate({ validateFn, setValidationFn }) {
        setValidationFn((...args: Parameters<typeof validateFn>) => {
          counter.count++;
          return validateFn(...args);
        });
      },
    } as Plugin,
  };
  return counter;
}

function yogaWith(plugins: Plugin[]) {
  return createYoga({
    schema: createSchema({ typeDefs: "type Query { hello(name: String): String }", resolvers: { Query: { hello: (_r, a: { name?: string }) => `hi ${a.name ?? ""}` } } }),
    parserAndValidationCache: { validationCache: false },
    plugins,
  });
}

describe("useValidDocuments", () => {
  it("validates a document once: the same document again is not validated", () => {
    const counter = countingValidation();
    const yoga = yogaWith([useValidDocuments(), counter.plugin]);
    const { parse, validate, schema } = yoga.getEnveloped({});
    const document = parse("{ hello }");
    expect(validate(schema, document)).toEqual([]);
    // Yoga's parse cache hands back the same document for the same text.
    const again = yoga.getEnveloped({}).parse("{ hello }");
    expect(again).toBe(document);
    expect(yoga.getEnveloped({}).validate(schema, again)).toEqual([]);
    expect(counter.count).toBe(1);
  });

  it("validates an invalid document every time, and still refuses it", () => {
    const counter = countingValidation();
    const yoga = yogaWith([useValidDocuments(), counter.plugin]);
    for (let i = 0; i < 3; i++) {
      const { parse, validate, schema } = yoga.getEnveloped({});
      expect(validate(schema, parse("{ nope }"))).toHaveLength(1);
    }
    expect(counter.count).toBe(3);
  });

  it("is per plugin: another server validates its own documents", () => {
    const first = countingValidation();
    const second = countingValidation();
    for (const counter of [first, second]) {
      const { parse, validate, schema } = yogaWith([useValidDocuments(), counter.plugin]).getEnveloped({});
      validate(schema, parse("{ hello }"));
    }
    expect([first.count, second.count]).toEqual([1, 1]);
  });

  it("serves both HTTP transports: one validation for the same query through the JSON POST path and through Yoga", async () => {
    const counter = countingValidation();
    const plugins = [useValidDocuments(), counter.plugin];
    const yoga = yogaWith(plugins);
    const handle = createJsonPostHandler({ yoga, plugins, maxBodyBytes: 1_000_000, serverContext: (req, res) => ({ req, res }), logger: pino({ level: "silent" }) });
    const server = createServer((req, res) => {
      void handle(req, res).then(async (answered) => {
        if (!answered) await yoga(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
      const body = JSON.stringify({ query: "query Hello($name: String) { hello(name: $name) }", variables: { name: "a" } });
      for (const origin of [undefined, "https://app.example", undefined, "https://app.example"]) {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(origin ? { origin } : {}) }, body });
        expect(await response.json()).toEqual({ data: { hello: "hi a" } });
      }
      expect(counter.count).toBe(1);
    } finally {
      server.close();
    }
  });
});
