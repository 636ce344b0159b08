/** The IPC messages between bench/subscribers.bench.ts (parent) and gateway-child.ts. */

export interface KeyInfo {
  /** The raw API key, for `connectionParams.authorization`. */
  readonly key: string;
  readonly keyId: string;
  /** An open task of this key: every publish for the key is a transition of this task. */
  readonly taskId: string;
}

export interface MemorySample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export type ChildRequest =
  | { readonly type: "clock"; readonly id: number }
  | { readonly type: "memory"; readonly id: number }
  /** CPU time the gateway has used so far (process.cpuUsage, user + system). */
  | { readonly type: "cpu"; readonly id: number }
  /** One status change of key `key`'s task, carrying `seq`. */
  | { readonly type: "publish"; readonly id: number; readonly key: number; readonly seq: number; readonly probe: boolean }
  /** One status change for every key at once, key i carrying `seqBase + i`. */
  | { readonly type: "broadcast"; readonly id: number; readonly seqBase: number; readonly probe: boolean }
  | { readonly type: "connections"; readonly id: number }
  | { readonly type: "profile-start"; readonly id: number }
  | { readonly type: "profile-stop"; readonly id: number; readonly path: string }
  | { readonly type: "heap-snapshot"; readonly id: number; readonly path: string }
  | { readonly type: "exit"; readonly id: number };

export type ChildReply =
  | { readonly type: "ready"; readonly url: string; readonly keys: readonly KeyInfo[] }
  | { readonly type: "fatal"; readonly message: string }
  | { readonly type: "clock"; readonly id: number; readonly childNow: number }
  | { readonly type: "memory"; readonly id: number; readonly memory: MemorySample }
  | { readonly type: "cpu"; readonly id: number; readonly micros: number }
  | { readonly type: "connections"; readonly id: number; readonly count: number }
  | { readonly type: "done"; readonly id: number };

/** Distributes `Omit` over a union (plain `Omit` would collapse it). */
export type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
