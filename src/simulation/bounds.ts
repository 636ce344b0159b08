/**
 * The bounds of a workload (README "What will a day cost?"): each is checked by `parseWorkload`
 * before the simulation starts, and a workload over one is refused as INVALID_PARAMS naming it.
 * Together they bound a simulation's work: requests × replications × (1 + client retries) events
 * of arrival, and at most a few events per accepted request.
 */
export const SIMULATION_BOUNDS = {
  /** Hours from the first instant to the last arrival (7 days). */
  horizonHours: 168,
  /** Expected requests of all streams in one replication (before client retries). */
  requests: 1_000_000,
  /** Expected requests × replications. */
  requestsTimesReplications: 5_000_000,
  /**
   * Events of a whole simulation (every replication), counted as it runs: client retries and
   * upstream attempts multiply a request's events, so this bounds what the requests cannot.
   */
  events: 25_000_000,
  replications: 100,
  keys: 100,
  streams: 100,
  /** Instants of one LIST arrival. */
  listTimes: 10_000,
  /** Requests per hour of a FIXED or POISSON stream (1,000 a second). */
  perHour: 3_600_000,
  /** Times a client sends a refused request again. */
  clientRetries: 10,
  /** Attempts per task upstream. */
  attempts: 10,
  poolSize: 1000,
  /** Seconds of one upstream attempt at time scale 1. */
  latencySeconds: 3600,
  /** Characters of a key id or a stream name. */
  name: 100,
  /** Bytes of a workload's JSON (POST /api/simulate). */
  bodyBytes: 1024 * 1024,
  /** Issues reported for one workload. */
  issues: 20,
} as const;

/** Steps of a time series at most: a minute each over the horizon and the day after it (tasks and client retries end within it). */
export const SIMULATION_SERIES_POINTS = (SIMULATION_BOUNDS.horizonHours + 24) * 60 + 1;
