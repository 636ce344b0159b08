import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const copy = new URL("../../docs/gateai-core-api.md", import.meta.url);
const original = new URL("../../../shared/spec/gateai-core-api.md", import.meta.url);

describe("the spec copy the catalog is checked against", () => {
  // The tests and /docs.txt read docs/gateai-core-api.md, so a clone without shared/ works;
  // where the original is beside the repository (CI, developers), the copy must equal it.
  it.skipIf(!existsSync(original))("is the same text as shared/spec/gateai-core-api.md", () => {
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(original, "utf8"));
  });
});
