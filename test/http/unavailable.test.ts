import { S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { maskUnavailable } from "../../src/graphql/transports/unavailable-errors.ts";
import { isServiceUnavailable, UNAVAILABLE_MESSAGE, unavailableAnswer } from "../../src/http/unavailable.ts";
import { ChargeOutcomeUnknown } from "../../src/services/errors.ts";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isServiceUnavailable", () => {
  it("recognises Redis that cannot be reached: ioredis's retry limit and a closed connection", () => {
    expect(isServiceUnavailable(Object.assign(new Error("Reached the max retries per request limit (which is 2)."), { name: "MaxRetriesPerRequestError" }))).toBe(true);
    expect(isServiceUnavailable(new Error("Connection is closed."))).toBe(true);
  });

  it("recognises PostgreSQL that cannot be reached: socket errors, SQLSTATE 08 and 57P01-57P03, wrapped or not", () => {
    expect(isServiceUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isServiceUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isServiceUnavailable(withCode("connection failure", "08006"))).toBe(true);
    expect(isServiceUnavailable(new Error("outer", { cause: withCode("the database system is starting up", "57P03") }))).toBe(true);
    expect(isServiceUnavailable(new AggregateError([withCode("x", "ECONNREFUSED")]))).toBe(true);
    // Prisma's driver adapter error (P2010) around the database's own answer.
    const prisma = Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" } } } });
    expect(isServiceUnavailable(prisma)).toBe(true);
    const recovering = Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P03" } } } });
    expect(isServiceUnavailable(recovering)).toBe(true);
  });

  it("recognises a database out of resources (SQLSTATE class 53): too many connections, out of memory, disk full", () => {
    expect(isServiceUnavailable(withCode("sorry, too many clients already", "53300"))).toBe(true);
    // PGlite's answer to a statement its WebAssembly heap cannot hold.
    expect(isServiceUnavailable(withCode("out of memory", "53200"))).toBe(true);
    expect(isServiceUnavailable(withCode('could not extend file "base/5/16384": No space left on device', "53100"))).toBe(true);
    const viaPrisma = Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "53200" } } } });
    expect(isServiceUnavailable(viaPrisma)).toBe(true);
  });

  it("recognises embedded PGlite whose worker thread died, wrapped or not", () => {
    const down = Object.assign(new Error("the embedded database (PGlite) is unavailable: the PGlite worker exited with code 1"), { name: "PgliteUnavailableError" });
    expect(isServiceUnavailable(down)).toBe(true);
    expect(isServiceUnavailable(new Error("Invalid `prisma.task.findMany()` invocation", { cause: down }))).toBe(true);
  });

  it("recognises an S3 file store that refuses the gateway's credentials or bucket, or fails on its side", () => {
    const s3 = (name: string, fault: "client" | "server", httpStatusCode: number) =>
      new S3ServiceException({ name, $fault: fault, $metadata: { httpStatusCode }, message: name });
    for (const name of ["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "RequestTimeTooSkewed", "AuthorizationHeaderMalformed", "PermanentRedirect", "NoSuchBucket"])
      expect(isServiceUnavailable(s3(name, "client", 403))).toBe(true);
    // The SDK's connection timeout: no HTTP answer, the retries' metadata only.
    expect(isServiceUnavailable(Object.assign(new Error("Connection timed out after 1000 ms"), { name: "TimeoutError", $metadata: { attempts: 3 } }))).toBe(true);
    expect(isServiceUnavailable(s3("InternalError", "server", 500))).toBe(true);
    expect(isServiceUnavailable(s3("SlowDown", "server", 503))).toBe(true);
    // Not the store's fault: a missing object is the caller's 404, a bad range its 416.
    expect(isServiceUnavailable(s3("NoSuchKey", "client", 404))).toBe(false);
    expect(isServiceUnavailable(s3("InvalidRange", "client", 416))).toBe(false);
    // The name alone, without the SDK's shape, is no S3 answer.
    expect(isServiceUnavailable(Object.assign(new Error("denied"), { name: "AccessDenied" }))).toBe(false);
  });

  it("leaves every other error alone: a bug stays a 500", () => {
    expect(isServiceUnavailable(new TypeError("x is not a function"))).toBe(false);
    expect(isServiceUnavailable(withCode('duplicate key value violates unique constraint "tasks_pkey"', "23505"))).toBe(false);
    expect(isServiceUnavailable(Object.assign(new Error("Raw query failed."), { meta: { driverAdapterError: { cause: { kind: "postgres", code: "22P02" } } } }))).toBe(false);
    expect(isServiceUnavailable("ECONNREFUSED")).toBe(false);
    expect(isServiceUnavailable(null)).toBe(false);
    // A cycle of causes ends.
    const looped: Error & { cause?: unknown } = new Error("a");
    looped.cause = looped;
    expect(isServiceUnavailable(looped)).toBe(false);
  });
});

describe("unavailableAnswer", () => {
  it("says nothing was charged when no charge was sent", () => {
    expect(unavailableAnswer(withCode("read ECONNRESET", "ECONNRESET"))).toEqual({ message: UNAVAILABLE_MESSAGE });
  });

  it("names the task a lost charge may have created, and never says nothing was charged, on REST and GraphQL", () => {
    const lost = new ChargeOutcomeUnknown("5f0c1a2e-task", withCode("read ECONNRESET", "ECONNRESET"));
    expect(isServiceUnavailable(lost)).toBe(true);
    const answer = unavailableAnswer(lost);
    expect(answer.taskId).toBe("5f0c1a2e-task");
    expect(answer.message).toMatch(/may have been accepted\. GET \/get\/5f0c1a2e-task says/);
    expect(answer.message).not.toContain("nothing was charged;");
    // As GraphQL wraps a resolver's error.
    const masked = maskUnavailable(new GraphQLError("wrapped", { originalError: lost }), "Unexpected error.") as GraphQLError;
    expect(masked.message).toBe(answer.message);
    expect(masked.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", taskId: "5f0c1a2e-task" });
  });

  it("answers a charge of unknown outcome with its task whatever failed under it, not as a 500", () => {
    const odd = new ChargeOutcomeUnknown("7a-task", new TypeError("cannot read the row"));
    expect(isServiceUnavailable(odd)).toBe(true);
    expect(unavailableAnswer(odd).taskId).toBe("7a-task");
    expect(isServiceUnavailable(new TypeError("cannot read the row"))).toBe(false);
  });
});
