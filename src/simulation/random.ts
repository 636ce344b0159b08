/**
 * The simulator's one source of chance: a seeded sfc32 generator (Chris Doty-Humphrey's Small
 * Fast Counter, as in PractRand), so a workload and a seed give the same day every run. No
 * Math.random, no clock.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads any integer seed over the four words; a few rounds leave the start state behind.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.unit();
  }

  /** A number in [0, 1). */
  unit(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An exponential draw with mean `mean` (Poisson inter-arrival times). */
  exponential(mean: number): number {
    return -Math.log(1 - this.unit()) * mean;
  }
}

/** The seed of replication `index` of a run seeded `seed`: distinct, and stable across runs. */
export const replicationSeed = (seed: number, index: number): number => (Math.imul(seed | 0, 0x2c1b3c6d) + Math.imul(index + 1, 0x297a2d39)) | 0;
