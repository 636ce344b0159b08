import { createRenderThread } from "../adapters/providers/render/render-thread.ts";
import { createSimulatedProvider } from "../adapters/providers/simulated-provider.ts";
import { createUpstreamProvider } from "../adapters/providers/upstream-provider.ts";
import type { Provider } from "../services/ports/provider.ts";
import type { Config } from "./config.ts";

/** The configured provider: a GateAI-compatible upstream, or the simulation (rendering off the main thread). */
export function openProvider(config: Config): { provider: Provider; close(): Promise<void> } {
  if (config.upstream) {
    return { provider: createUpstreamProvider({ baseUrl: config.upstream.url, apiKeys: config.upstream.apiKeys }), close: async () => undefined };
  }
  const renderThread = createRenderThread();
  const provider = createSimulatedProvider({
    timeScale: config.timeScale,
    failureRate: config.simFailureRate,
    stallRate: config.simStallRate,
    render: renderThread.render,
  });
  return { provider, close: () => renderThread.close() };
}
