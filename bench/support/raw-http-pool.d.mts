// Types of raw-http-pool.mjs (plain JavaScript: the load generator's worker thread runs it without tsx).
export interface RawRequestSpec {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export class RawHttpPool {
  constructor(origin: string, connections: number, onRefusal?: (status: number, answer: string) => void);
  /** Resolves with the answer's status code once the answer is read whole. */
  request(spec: RawRequestSpec): Promise<number>;
  close(): Promise<void>;
}
