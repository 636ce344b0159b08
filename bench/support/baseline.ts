// The baseline: the least a JSON endpoint on node:http can do per request (read a small JSON
// body, parse it, answer a small JSON), on the same machine, thread and load generator.
import { createServer, type Server } from "node:http";

export async function startBaseline(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let parsed: { model?: unknown } = {};
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model?: unknown };
      } catch {
        // answer anyway
      }
      const payload = JSON.stringify({ cost: 0.11, daily_remaining: 100, fits_in_budget: true, model: parsed.model ?? null });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
