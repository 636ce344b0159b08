/**
 * The simulated pool's free accounts (ids 1..poolSize) as set bits, 32 to a word, so that taking
 * one is a few word operations. The account a task takes is the driver's rule
 * (domain/account-assignment.ts) for a pool without vendor ranges: the lowest free id after the
 * task's last account, round the pool, its last account itself only when no other is free; a
 * first attempt (last 0) takes the lowest free id. test/simulation/free-accounts.test.ts holds
 * the two equal.
 */
export class FreeAccounts {
  private readonly bits: Uint32Array;
  /** How many accounts are free. */
  count = 0;

  /** A pool of `poolSize` accounts; the free ones are `free` (default: all of them). */
  constructor(poolSize: number, free?: Iterable<number>) {
    this.bits = new Uint32Array((poolSize >> 5) + 1);
    if (free) for (const a of free) this.free(a);
    else for (let a = 1; a <= poolSize; a++) this.free(a);
  }

  /** Account `a` is free again. */
  free(a: number): void {
    this.bits[a >> 5]! |= 1 << (a & 31);
    this.count++;
  }

  /** Takes the account for a task whose last attempt ran on `last` (0: none); there must be a free one. */
  take(last: number): number {
    let a = this.firstFrom(last + 1);
    if (a === 0) a = this.firstFrom(1);
    this.bits[a >> 5]! &= ~(1 << (a & 31));
    this.count--;
    return a;
  }

  /** The lowest free account id at or above `from` (0 when there is none). */
  private firstFrom(from: number): number {
    const bits = this.bits;
    let w = from >> 5;
    if (w >= bits.length) return 0;
    let word = bits[w]! & (~0 << (from & 31));
    for (;;) {
      if (word !== 0) return (w << 5) + (31 - Math.clz32(word & -word));
      if (++w >= bits.length) return 0;
      word = bits[w]!;
    }
  }
}
