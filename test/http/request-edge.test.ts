import { describe, expect, it } from "vitest";
import { requestIdOf, routeOf } from "../../src/http/request-edge.ts";

describe("requestIdOf", () => {
  it("keeps a client's sane x-request-id", () => {
    expect(requestIdOf("req-123_abc:1")).toBe("req-123_abc:1");
    expect(requestIdOf(["first-id", "second"])).toBe("first-id");
  });

  it("makes a uuid for none, or for one with spaces, markup or over 128 characters", () => {
    for (const header of [undefined, "", "two words", "<script>", "x".repeat(129), "line\nbreak"]) {
      expect(requestIdOf(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe("routeOf", () => {
  it("folds path parameters into templates", () => {
    expect(routeOf("/get/6f1c2b9e-aaaa-bbbb-cccc-123456789012")).toBe("/get/{id}");
    expect(routeOf("/files/owner/name.png")).toBe("/files/{path}");
    expect(routeOf("/v1/models/gpt-image-2")).toBe("/v1/models/{id}");
    expect(routeOf("/v1/models/schema")).toBe("/v1/models/schema");
  });

  it("labels unknown paths 'other', so no client can add series", () => {
    const labels = new Set(Array.from({ length: 50 }, (_, i) => routeOf(`/random/${i}`)));
    expect([...labels]).toEqual(["other"]);
    expect(routeOf("/api/generate")).toBe("/api/generate");
    expect(routeOf("/graphql")).toBe("/graphql");
  });
});
