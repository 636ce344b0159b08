import { createFalProvider } from "../adapters/providers/fal-provider.ts";
import { createGuardedAgent } from "../adapters/providers/guarded-dispatcher.ts";
import { createOpenAIProvider } from "../adapters/providers/openai-provider.ts";
import { createReplicateProvider } from "../adapters/providers/replicate-provider.ts";
import { createRenderThread } from "../adapters/providers/render/render-thread.ts";
import { createRoutedProvider } from "../adapters/providers/routed-provider.ts";
import { createSimulatedProvider } from "../adapters/providers/simulated-provider.ts";
import { createUpstreamProvider } from "../adapters/providers/upstream-provider.ts";
import type { VendorId } from "../catalog/vendors/index.ts";
import type { HostResolver } from "../services/ports/host-resolver.ts";
import type { Provider } from "../services/ports/provider.ts";
import type { ReferenceUrls } from "../services/ports/reference-urls.ts";
import type { Config } from "./config.ts";
import { vendorRanges } from "./vendor-config.ts";

/**
 * The configured provider: a GateAI-compatible upstream; or vendor accounts (fal, Replicate,
 * OpenAI) routed by the catalog's routing table, with the simulation for models no configured
 * vendor runs (unless GATEAI_SIMULATE_UNROUTED=false); or the simulation alone (rendering off the
 * main thread).
 * Result files on any origin but the vendor API's are fetched through one guarded agent that looks
 * names up with `resolveHost`, the resolver references are checked with: one guard, one lookup.
 */
export function openProvider(config: Config, wiring: { references?: ReferenceUrls; resolveHost?: HostResolver } = {}): { provider: Provider; close(): Promise<void> } {
  const downloads = () => {
    const agent = createGuardedAgent(wiring.resolveHost ? { resolve: wiring.resolveHost } : {});
    return { downloadDispatcher: agent, close: () => agent.close() };
  };
  if (config.upstream) {
    const guarded = downloads();
    return { provider: createUpstreamProvider({ baseUrl: config.upstream.url, apiKeys: config.upstream.apiKeys, downloadDispatcher: guarded.downloadDispatcher }), close: guarded.close };
  }
  const simulation = () => {
    const renderThread = createRenderThread();
    const provider = createSimulatedProvider({
      timeScale: config.timeScale,
      failureRate: config.simFailureRate,
      stallRate: config.simStallRate,
      render: renderThread.render,
    });
    return { provider, close: () => renderThread.close() };
  };
  const vendors = config.vendors;
  if (!vendors) return simulation();
  // Completion is learned by polling (a status request per running task at most every
  // STATUS_READ_GAP_MS); with a public URL, fal and Replicate also POST it to
  // /webhooks/{fal,replicate} (src/rest/routes/webhooks.ts), which makes the driver read that
  // attempt at its next pass.
  const hook = (vendor: string) => (config.publicUrl ? { webhookUrl: `${config.publicUrl}/webhooks/${vendor}` } : {});
  const built: Partial<Record<VendorId, Provider>> = {};
  const { fal, replicate, openai } = vendors.keys;
  const guarded = downloads();
  const { downloadDispatcher } = guarded;
  if (fal) built.fal = createFalProvider({ keys: fal, downloadDispatcher, ...(vendors.urls.fal ? { baseUrl: vendors.urls.fal } : {}), ...hook("fal") });
  if (replicate) built.replicate = createReplicateProvider({ tokens: replicate, downloadDispatcher, ...(vendors.urls.replicate ? { baseUrl: vendors.urls.replicate } : {}), ...hook("replicate") });
  if (openai) built.openai = createOpenAIProvider({ keys: openai, downloadDispatcher, ...(vendors.urls.openai ? { baseUrl: vendors.urls.openai } : {}) });
  const fallback = vendors.simulateUnrouted ? simulation() : undefined;
  return {
    provider: createRoutedProvider(
      Object.assign({ vendors: built, ranges: vendorRanges(vendors) }, fallback ? { fallback: fallback.provider } : {}, wiring.references ? { references: wiring.references } : {}),
    ),
    close: async () => {
      await Promise.all([guarded.close(), fallback?.close()]);
    },
  };
}
