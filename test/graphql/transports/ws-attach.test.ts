// The gateway's WebSocket upgrades: a request target the URL parser cannot read is refused, not
// thrown where no caller could catch it (an upgrade event: the process would stop); and stopping
// the gateway cuts a socket whose client never answers the close, instead of waiting for ws's
// 30-second close handshake.
import { connect, type Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../../support/gateway.ts";

let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

/** A raw connection that sends an upgrade request for `target` and collects what comes back. */
function upgrade(url: string, target: string): { socket: Socket; received: Promise<string>; ended: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = "";
  let heard!: (value: string) => void;
  const received = new Promise<string>((resolve) => (heard = resolve));
  const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("data", (chunk) => {
    text += chunk.toString("latin1");
    if (text.includes("\r\n\r\n")) heard(text);
  });
  socket.on("error", () => undefined);
  ended.then(() => heard(text));
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n",
  );
  return { socket, received, ended };
}

it("refuses an upgrade whose target the URL parser cannot read, and goes on serving", async () => {
  gw = await startGateway();
  for (const target of ["//", "//x/graphql", "/graphql/../x"]) {
    const { ended } = upgrade(gw.url, target);
    await ended;
  }
  expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
});

it("stops within a second or so when a socket's client never answers the close", async () => {
  gw = await startGateway();
  const { received, ended } = upgrade(gw.url, "/graphql");
  expect(await received).toMatch(/^HTTP\/1\.1 101 /);
  // The client says nothing more and never answers the close frame.
  const began = Date.now();
  const closing = gw.close();
  gw = undefined;
  await ended;
  expect(Date.now() - began).toBeLessThan(5_000);
  await closing;
}, 60_000);
