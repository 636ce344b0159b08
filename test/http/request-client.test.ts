// Who work is for: a request's client is carried along all the async work it starts, and a
// socket's listeners run for the client they were added for, whoever emits the event.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { BACKGROUND_CLIENT, clientOfRequest, clientWorkSoFar, currentClient, emitForClient, forClient, inBackground } from "../../src/http/request-client.ts";

describe("the request's client", () => {
  it("is carried through awaits, timers and promise callbacks, and is background outside any request", async () => {
    const seen: string[] = [];
    await Promise.all([
      forClient("key:a", async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(currentClient());
        await Promise.resolve().then(() => seen.push(currentClient()));
      }),
      forClient("key:b", async () => {
        await new Promise((resolve) => setImmediate(resolve));
        seen.push(currentClient());
      }),
    ]);
    expect(seen.sort()).toEqual(["key:a", "key:a", "key:b"]);
    expect(currentClient()).toBe(BACKGROUND_CLIENT);
  });

  it("counts each piece of work begun for a client (a request, a socket's event), and none begun in the background", () => {
    const socket = new EventEmitter();
    emitForClient(socket, "address:10.0.0.1");
    socket.on("message", () => undefined);
    const before = clientWorkSoFar();
    forClient("key:a", () => undefined);
    socket.emit("message", "{}");
    inBackground(() => undefined);
    expect(clientWorkSoFar() - before).toBe(2);
  });

  it("is the id of the key a request sends once it is known valid, else the address", () => {
    const known = (rawKey: string) => (rawKey === "sk-known" ? "key-1" : undefined);
    expect(clientOfRequest("Bearer sk-known", "10.0.0.1", known)).toBe("key:key-1");
    // A key nobody has checked names no line: a fresh random key per request gets none of its own.
    expect(clientOfRequest("Bearer sk-random-1", "10.0.0.1", known)).toBe("address:10.0.0.1");
    expect(clientOfRequest("Basic abc def", "10.0.0.1", known)).toBe("address:10.0.0.1");
    expect(clientOfRequest(undefined, "10.0.0.1", known)).toBe("address:10.0.0.1");
  });

  it("names a client given as a function once, on first ask, and not at all if nothing asks", async () => {
    let namings = 0;
    const name = () => (namings++, "key:lazy");
    await forClient(name, async () => undefined);
    expect(namings).toBe(0);
    const seen = await forClient(name, async () => [currentClient(), await Promise.resolve().then(currentClient)]);
    expect(seen).toEqual(["key:lazy", "key:lazy"]);
    expect(namings).toBe(1);
  });

  it("is background for work a request starts in the background, timers included", async () => {
    const seen = await forClient("key:a", () =>
      inBackground(() => new Promise<string>((resolve) => setTimeout(() => resolve(currentClient()), 1))),
    );
    expect(seen).toBe(BACKGROUND_CLIENT);
  });

  it("runs every event of a socket for its client, whoever emits it, and keeps once and off working", () => {
    const socket = new EventEmitter();
    emitForClient(socket, "address:10.0.0.7");
    const seen: string[] = [];
    const listener = () => seen.push(`on ${currentClient()}`);
    socket.on("message", listener);
    socket.once("message", () => seen.push(`once ${currentClient()}`));
    forClient("key:other", () => socket.emit("message"));
    socket.off("message", listener);
    socket.emit("message");
    expect(seen).toEqual(["on address:10.0.0.7", "once address:10.0.0.7"]);
    expect(socket.listenerCount("message")).toBe(0);
  });
});
