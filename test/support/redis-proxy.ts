// A TCP proxy to Redis that can make its connections go silent, as a half-open connection does.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface FreezableProxy {
  /** The Redis URL through the proxy. */
  readonly url: string;
  /** The connections made so far go silent: nothing forwarded either way, nothing closed (a half-open connection). Later ones pass. */
  freeze(): void;
  close(): Promise<void>;
}

/** A TCP proxy to the Redis at `target` whose connections made so far can be frozen. */
export async function freezableProxy(target: URL): Promise<FreezableProxy> {
  const open = new Set<{ client: Socket; upstream: Socket; frozen: boolean }>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const pair = { client, upstream, frozen: false };
    open.add(pair);
    client.on("data", (chunk) => void (pair.frozen || upstream.write(chunk)));
    upstream.on("data", (chunk) => void (pair.frozen || client.write(chunk)));
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target.href);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.href,
    freeze: () => open.forEach((pair) => (pair.frozen = true)),
    close: async () => {
      open.forEach((pair) => (pair.client.destroy(), pair.upstream.destroy()));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
