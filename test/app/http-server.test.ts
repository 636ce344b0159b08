// The one HTTP server runs each request's work for its client (src/http/request-client.ts): the
// key it sends once known valid, else its address. The database's fair turns read it.
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeServer, createHttpServer, listen } from "../../src/app/http-server.ts";
import { clientOfRequest, currentClient } from "../../src/http/request-client.ts";

let url: string;
let server: ReturnType<typeof createHttpServer>;
beforeAll(async () => {
  server = createHttpServer(
    [
      async (_req, res) => {
        // Read after an await and a timer, as a database call deep in a service would.
        await new Promise((resolve) => setTimeout(resolve, 1));
        res.end(currentClient());
        return true;
      },
    ],
    pino({ level: "silent" }),
    (req) => clientOfRequest(req.headers.authorization, req.socket.remoteAddress ?? "unknown", (rawKey) => (rawKey === "sk-victim" ? "key-victim" : undefined)),
  );
  ({ url } = await listen(server, 0, "127.0.0.1"));
});
afterAll(() => closeServer(server));

it("runs a request's work for the client the gateway names for it: its known key, else its address", async () => {
  const [keyed, anonymous] = await Promise.all([
    fetch(`${url}/x`, { headers: { authorization: "Bearer sk-victim" } }).then((r) => r.text()),
    fetch(`${url}/x`).then((r) => r.text()),
  ]);
  expect(keyed).toBe("key:key-victim");
  expect(anonymous).toMatch(/^address:(::ffff:)?127\.0\.0\.1$/);
});
