import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { yogaLoggerFor } from "../../../src/graphql/transports/yoga-logger.ts";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

describe("Yoga's logger through pino", () => {
  it("puts Yoga's message under msg, an Error under err and other values under args", () => {
    const { logger, lines } = captured();
    const yoga = yogaLoggerFor(logger);
    yoga.debug("Parsing request to extract GraphQL parameters");
    yoga.error(new Error("boom"));
    yoga.warn("something odd", { id: 7 });
    expect(lines[0]).toMatchObject({ level: 20, msg: "Parsing request to extract GraphQL parameters" });
    expect(lines[0]).not.toHaveProperty("0");
    expect(lines[1]).toMatchObject({ level: 50, msg: "boom", err: { message: "boom", type: "Error" } });
    expect(lines[2]).toMatchObject({ level: 40, msg: "something odd", args: [{ id: 7 }] });
  });

  it("writes nothing below the logger's level", () => {
    const { logger, lines } = captured();
    logger.level = "warn";
    yogaLoggerFor(logger).debug("hidden");
    yogaLoggerFor(logger).info("hidden");
    expect(lines).toEqual([]);
  });
});
