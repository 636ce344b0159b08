/**
 * How hard this process's requests are pressed: what background work (the task driver's polls)
 * yields to (services/driver-pace.ts). An adapter measures it (src/adapters/pressure).
 */
export interface ForegroundPressure {
  /**
   * The worst delay, in milliseconds, the event loop made work wait since the last call, counted
   * only when requests (HTTP requests, WebSocket events) arrived meanwhile; 0 otherwise: a delay
   * no request felt is no reason to slow down.
   */
  delaySinceLastRead(): number;
}
