/**
 * Fair sharing of live updates in one process: caps on subscriptions per socket, subscriptions
 * per key (every transport: graphql-ws and Server-Sent Events) and graphql-ws sockets per key, and
 * the register revocation ends a key's subscriptions through.
 *
 * A place is a member of its key's set: taking one adds it, releasing deletes it, so a count is
 * the set's size and a second release (the several paths a subscription can end by) changes
 * nothing. Taking is synchronous, so two subscriptions racing for the last place cannot both get
 * it. Pure: no I/O, no clock.
 */

export interface LiveCaps {
  /** Subscriptions one graphql-ws socket may hold at once. */
  readonly subscriptionsPerSocket: number;
  /** Subscriptions one key may hold at once in this process, over every socket and SSE stream. */
  readonly subscriptionsPerKey: number;
  /** graphql-ws sockets one key may hold open at once in this process. */
  readonly socketsPerKey: number;
}

/**
 * Far above what a frontend needs (a dashboard, a task feed and a watcher per task in flight, in
 * a few tabs), far below what hurts the process.
 */
export const DEFAULT_LIVE_CAPS: LiveCaps = { subscriptionsPerSocket: 100, subscriptionsPerKey: 500, socketsPerKey: 50 };

/**
 * Events a client's task subscription (taskUpdated, myTasks) holds unread at most. A transport
 * sends a subscription's next event once the last has been written, so a client that stops
 * reading its socket (and answers pings) leaves its subscriptions' events queued in the process;
 * past this many the subscription ends (SUBSCRIBER_TOO_SLOW). A key's events are a few per task,
 * at most 5 tasks in flight: a reader this far behind has not read for many minutes.
 */
export const UNREAD_EVENTS_MAX = 1_000;

/** Why a subscription or socket was refused: the cap it would exceed. */
export interface LiveRefusal {
  readonly code: "TOO_MANY_SUBSCRIPTIONS" | "TOO_MANY_CONNECTIONS";
  readonly per: "SOCKET" | "KEY";
  readonly limit: number;
  readonly message: string;
}

/** A subscription or socket's place under its key's cap. */
export class LivePlace {
  /** Set once the key was revoked: the holder ends at once (it may have been revoked before it listened). */
  revoked = false;
  private onRevoke: (() => void) | undefined;

  constructor(
    readonly keyId: string,
    private readonly owner: KeyPlaces,
  ) {}

  /** Gives the place back; idempotent. */
  release(): void {
    this.owner.drop(this);
    this.onRevoke = undefined;
  }

  /** Calls `end` when the key is revoked (at once if it already was). One listener per place. */
  whenRevoked(end: () => void): void {
    if (this.revoked) end();
    else this.onRevoke = end;
  }

  /** The key was revoked: its holder ends. */
  revoke(): void {
    this.revoked = true;
    const end = this.onRevoke;
    this.onRevoke = undefined;
    end?.();
  }
}

/** The places of one kind (subscriptions or sockets), by key; only keys holding places are kept. */
class KeyPlaces {
  private readonly byKey = new Map<string, Set<LivePlace>>();
  /** Places held, over every key. */
  size = 0;

  held(keyId: string): number {
    return this.byKey.get(keyId)?.size ?? 0;
  }

  take(keyId: string, limit: number): LivePlace | null {
    let places = this.byKey.get(keyId);
    if (places && places.size >= limit) return null;
    if (!places) this.byKey.set(keyId, (places = new Set()));
    const place = new LivePlace(keyId, this);
    places.add(place);
    this.size++;
    return place;
  }

  drop(place: LivePlace): void {
    const places = this.byKey.get(place.keyId);
    if (!places?.delete(place)) return;
    this.size--;
    if (places.size === 0) this.byKey.delete(place.keyId);
  }

  revoke(keyId: string): void {
    for (const place of [...(this.byKey.get(keyId) ?? [])]) place.revoke();
  }
}

const subscriptionRefusal = (per: "SOCKET" | "KEY", limit: number): LiveRefusal => ({
  code: "TOO_MANY_SUBSCRIPTIONS",
  per,
  limit,
  message:
    per === "SOCKET"
      ? `Too many subscriptions on this connection: at most ${limit} at once. Complete one first, or open another connection.`
      : `Too many subscriptions for this API key: at most ${limit} at once. Complete one first.`,
});

export const isLiveRefusal = (value: unknown): value is LiveRefusal =>
  typeof value === "object" && value !== null && ((value as LiveRefusal).code === "TOO_MANY_SUBSCRIPTIONS" || (value as LiveRefusal).code === "TOO_MANY_CONNECTIONS");

/** A key change as the `keyChanged` channel carries it. */
export interface KeyChange {
  readonly keyId: string;
  readonly revoked?: boolean;
}

export interface LiveLimits {
  readonly caps: LiveCaps;
  /** The refusal a socket already holding `held` subscriptions gives its next one; null when it has room. */
  socketRefusal(held: number): LiveRefusal | null;
  /** The refusal the key's next subscription would get now; null when it has room (a check: `subscribe` takes the place). */
  keyRefusal(keyId: string): LiveRefusal | null;
  /** Takes a place for one of the key's subscriptions, or says which cap refuses it. */
  subscribe(keyId: string): LivePlace | LiveRefusal;
  /** Takes a place for one of the key's graphql-ws sockets, or says which cap refuses it. */
  connect(keyId: string): LivePlace | LiveRefusal;
  /** Ends every subscription and socket the key holds in this process. */
  revoke(keyId: string): void;
  /** Revokes each key the feed says was revoked, until it ends. */
  follow(changes: AsyncIterable<KeyChange>): void;
  /** Subscriptions and sockets held now, over every key or by one. */
  counts(keyId?: string): { readonly subscriptions: number; readonly sockets: number };
}

export function createLiveLimits(caps: LiveCaps = DEFAULT_LIVE_CAPS): LiveLimits {
  const subscriptions = new KeyPlaces();
  const sockets = new KeyPlaces();
  const revoke = (keyId: string) => {
    subscriptions.revoke(keyId);
    sockets.revoke(keyId);
  };
  return {
    caps,
    socketRefusal: (held) => (held >= caps.subscriptionsPerSocket ? subscriptionRefusal("SOCKET", caps.subscriptionsPerSocket) : null),
    keyRefusal: (keyId) => (subscriptions.held(keyId) >= caps.subscriptionsPerKey ? subscriptionRefusal("KEY", caps.subscriptionsPerKey) : null),
    subscribe: (keyId) => subscriptions.take(keyId, caps.subscriptionsPerKey) ?? subscriptionRefusal("KEY", caps.subscriptionsPerKey),
    connect: (keyId) =>
      sockets.take(keyId, caps.socketsPerKey) ?? {
        code: "TOO_MANY_CONNECTIONS",
        per: "KEY",
        limit: caps.socketsPerKey,
        message: `Too many connections for this API key: at most ${caps.socketsPerKey} at once`,
      },
    revoke,
    follow(changes) {
      void (async () => {
        for await (const change of changes) if (change.revoked === true) revoke(change.keyId);
      })().catch(() => undefined);
    },
    counts: (keyId) =>
      keyId === undefined ? { subscriptions: subscriptions.size, sockets: sockets.size } : { subscriptions: subscriptions.held(keyId), sockets: sockets.held(keyId) },
  };
}
