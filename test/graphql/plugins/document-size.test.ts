import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useDocumentSize } from "../../../src/graphql/plugins/document-size.ts";

const schema = createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } });

describe("useDocumentSize", () => {
  it("refuses a document over the bound before the parser sees it, and passes one at the bound", () => {
    const yoga = createYoga({ schema, plugins: [useDocumentSize(20)] });
    let parsed = 0;
    const { parse } = yoga.getEnveloped({});
    const counting = createYoga({
      schema,
      plugins: [
        useDocumentSize(20),
        {
          onParse: () => () => {
            parsed++;
          },
        },
      ],
    }).getEnveloped({});
    expect(() => counting.parse("{ hello }" + " ".repeat(12))).toThrow(/21 characters; at most 20/);
    expect(parsed).toBe(0);
    expect(counting.parse("{ hello }" + " ".repeat(11)).kind).toBe("Document");
    expect(parsed).toBe(1);
    expect(parse("{ hello }").kind).toBe("Document");
  });

  it("answers over HTTP with QUERY_TOO_COMPLEX naming the bound", async () => {
    const yoga = createYoga({ schema, plugins: [useDocumentSize(20)] });
    const response = await yoga.fetch("http://yoga/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ hello }${" ".repeat(30)}` }) });
    const body = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining("at most 20"), extensions: { code: "QUERY_TOO_COMPLEX", limits: { maxCharacters: 20 } } });
  });
});
