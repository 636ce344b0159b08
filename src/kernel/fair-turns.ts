/**
 * Turns at one shared resource, fair between clients: work waits in its client's line, and the
 * lines are served in rotation, one piece of work from each in turn. A client with many pieces
 * waiting gets the same share as a client with one, so it cannot push the others' work back by
 * sending more of it (a FIFO queue gives each client a share in proportion to what it sent).
 *
 * `concurrency` pieces run at once. While there is room and nothing waits, work starts at once,
 * in the caller's own turn (no extra promise).
 */
export class FairTurns {
  private running = 0;
  /** Each client's waiting work, oldest first; a client is here only while it has some. */
  private readonly lines = new Map<string, (() => void)[]>();
  /** The clients with waiting work, in the order they are served. */
  private readonly rotation: string[] = [];
  private next = 0;

  constructor(private readonly concurrency: number) {
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
    while (this.running < this.concurrency && this.rotation.length > 0) {
      if (this.next >= this.rotation.length) this.next = 0;
      const client = this.rotation[this.next]!;
      const line = this.lines.get(client)!;
      const start = line.shift()!;
      if (line.length === 0) {
        this.lines.delete(client);
        this.rotation.splice(this.next, 1);
      } else this.next++;
      start();
    }
  }
}
