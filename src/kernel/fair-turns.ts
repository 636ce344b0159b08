/**
 * Turns at one shared resource, fair between clients: work waits in its client's line, and the
 * lines are served in rotation, one piece of work from each in turn. A client with many pieces
 * waiting gets the same share as a client with one, so it cannot push the others' work back by
 * sending more of it (a FIFO queue gives each client a share in proportion to what it sent).
 *
 * `concurrency` pieces run at once. While there is room and nothing waits, work starts at once,
 * in the caller's own turn (no extra promise).
 *
 * A resource whose work completes without real I/O (an in-process database) hands each turn to
 * the next in a promise callback: while lines are full, one turn follows another without the
 * event loop ever reading a socket, and a client whose request has not reached the line yet waits
 * for the whole backlog. With `pace`, once hand-offs have gone on for `pace.everyMs` without the
 * event loop getting a turn, the next one, and every one after it, waits for `pace.defer` (the
 * event loop's next turn): sockets are read within about `everyMs` plus one piece of work,
 * whatever the lines hold.
 */
export interface Pace {
  /** The resource's clock, in ms. */
  readonly now: () => number;
  /** Runs `start` on the event loop's next turn (setImmediate). */
  readonly defer: (start: () => void) => void;
  /** How long hand-offs may follow one another before one is deferred. */
  readonly everyMs: number;
}

export class FairTurns {
  private running = 0;
  /** Each client's waiting work, oldest first; a client is here only while it has some. */
  private readonly lines = new Map<string, (() => void)[]>();
  /** The clients with waiting work, in the order they are served. */
  private readonly rotation: string[] = [];
  private next = 0;
  /** When the current run of hand-offs without a turn of the event loop began (NaN: none is running). */
  private handOffsSince = Number.NaN;
  private readonly loopTurned = () => {
    this.handOffsSince = Number.NaN;
  };
  /** A hand-off waits for the event loop's turn: no other starts before it. */
  private yielding = false;
  /** Hand-offs that waited for the event loop (tests and metrics read it). */
  deferred = 0;

  constructor(
    private readonly concurrency: number,
    private readonly pace?: Pace,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`FairTurns: concurrency must be at least 1, got ${concurrency}`);
  }

  /** Pieces of work waiting for a turn (all clients). */
  get waiting(): number {
    let n = 0;
    for (const line of this.lines.values()) n += line.length;
    return n;
  }

  /**
   * Runs `work` in `client`'s turn; its result or error is the caller's. A client given as a
   * function is named only if the work has to wait (with room and nothing waiting, no line is needed).
   */
  run<T>(client: string | (() => string), work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency && this.lines.size === 0) {
      this.handOffsSince = Number.NaN;
      return this.started(work);
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.started(work).then(resolve, reject);
      };
      const name = typeof client === "string" ? client : client();
      const line = this.lines.get(name);
      if (line) line.push(start);
      else {
        this.lines.set(name, [start]);
        this.rotation.push(name);
      }
    });
  }

  private started<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    let result: Promise<T>;
    try {
      result = work();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(() => {
      this.running--;
      this.serve();
    });
  }

  /** Starts the next client's oldest waiting work while there is room. */
  private serve(): void {
    if (this.yielding) return;
    while (this.running < this.concurrency && this.rotation.length > 0) {
      if (this.next >= this.rotation.length) this.next = 0;
      const client = this.rotation[this.next]!;
      const line = this.lines.get(client)!;
      const start = line.shift()!;
      if (line.length === 0) {
        this.lines.delete(client);
        this.rotation.splice(this.next, 1);
      } else this.next++;
      const pace = this.pace;
      if (!pace) {
        start();
        continue;
      }
      const now = pace.now();
      if (Number.isNaN(this.handOffsSince)) {
        // A run of hand-offs begins; it ends when the event loop next gets its turn, which this
        // marks (a run is time without that turn, not time since the line was last empty).
        this.handOffsSince = now;
        pace.defer(this.loopTurned);
      }
      if (now - this.handOffsSince < pace.everyMs) {
        start();
        continue;
      }
      // The turn is taken now and begins on the event loop's next turn; so do the hand-offs
      // after it, or the loop would get no turn at all with room for more than one.
      this.handOffsSince = Number.NaN;
      this.deferred++;
      this.running++;
      this.yielding = true;
      pace.defer(() => {
        this.yielding = false;
        this.running--;
        start();
        this.serve();
      });
      return;
    }
  }
}
