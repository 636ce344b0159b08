// A TCP proxy in front of a gateway, for a browser to reach it through: `cut()` drops every
// connection and stops listening (new connections are refused, as when the gateway is down or
// the network is gone), `restore()` listens again on the same port.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface OutageProxy {
  /** http://127.0.0.1:PORT, the proxy's origin. */
  readonly url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const open = new Set<Socket>();
  const serve = (): Server =>
    createServer((client) => {
      const upstream = connect(Number(targetPort), hostname);
      for (const socket of [client, upstream]) {
        open.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => {
          open.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  const listen = (server: Server, port: number) => new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  let server = serve();
  const port = await listen(server, 0);
  const stop = () => {
    for (const socket of open) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: stop,
    async restore() {
      server = serve();
      await listen(server, port);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
