// References' host names resolved by DNS queries on the event loop (c-ares), not by getaddrinfo on
// libuv's thread pool: a name server that never answers fails its own lookups at their timeout and
// holds nothing else of the process (the thread pool's lookups and file reads go on).
import { createSocket, type Socket } from "node:dgram";
import { lookup } from "node:dns/promises";
import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createDnsResolver } from "../../../src/adapters/dns/dns-resolver.ts";

/** A DNS server on 127.0.0.1: answers A queries from `a` (name → address), AAAA with no data; `silent` answers nothing. */
async function nameServer(options: { a?: Record<string, string>; silent?: boolean }): Promise<{ address: string; queries: number; close(): void }> {
  const socket: Socket = createSocket("udp4");
  const server = { address: "", queries: 0, close: () => socket.close() };
  socket.on("message", (query, from) => {
    server.queries++;
    if (options.silent) return;
    // The question: labels from byte 12 to a zero byte, then QTYPE and QCLASS.
    let end = 12;
    const labels: string[] = [];
    while (query[end] !== 0) {
      labels.push(query.subarray(end + 1, end + 1 + query[end]!).toString());
      end += query[end]! + 1;
    }
    const question = query.subarray(12, end + 5);
    const type = query.readUInt16BE(end + 1);
    const address = type === 1 ? options.a?.[labels.join(".")] : undefined;
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180, 2); // a response, recursion available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(address ? 1 : 0, 6);
    const answer = address ? Buffer.concat([Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]), Buffer.from(address.split(".").map(Number))]) : Buffer.alloc(0);
    socket.send(Buffer.concat([header, question, answer]), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  server.address = `127.0.0.1:${socket.address().port}`;
  return server;
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe("createDnsResolver", () => {
  it("gives a name's addresses as its name server answers them", async () => {
    const ns = await nameServer({ a: { "cdn.example.test": "93.184.216.34" } });
    servers.push(ns);
    const resolve = createDnsResolver({ timeoutMs: 1_000, servers: [ns.address] });
    expect(await resolve("cdn.example.test")).toEqual(["93.184.216.34"]);
    await expect(resolve("unknown.example.test")).rejects.toThrow();
  });

  it("fails every lookup of a name server that never answers at its timeout, while the thread pool's lookups and file reads go on", async () => {
    const ns = await nameServer({ silent: true });
    servers.push(ns);
    const resolve = createDnsResolver({ timeoutMs: 800, servers: [ns.address] });
    const started = Date.now();
    // One hostile request's worth of names (64 references), each with its own name server silent.
    const hostile = Promise.allSettled(Array.from({ length: 64 }, (_, i) => resolve(`h${i}.silent.example.test`)));
    // Meanwhile the thread pool serves the system's lookup of localhost and a file read at once.
    const pool = Date.now();
    await Promise.all([lookup("localhost"), readFile(new URL(import.meta.url))]);
    expect(Date.now() - pool).toBeLessThan(500);
    const outcomes = await hostile;
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ns.queries).toBeGreaterThanOrEqual(64);
  });
});
