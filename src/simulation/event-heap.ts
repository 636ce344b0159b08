/**
 * The simulator's agenda: a binary min-heap of (time, kind, ref) in parallel typed arrays, so an
 * event is three numbers, not an object or a closure. Ties on time go to the lower kind (the
 * simulator numbers its kinds in the order the task driver acts within one pass), then to the
 * event scheduled first, so a run is deterministic: both ties are one number, kind × 2^40 + the
 * event's sequence number.
 */
const KIND_WEIGHT = 2 ** 40;

export class EventHeap {
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);
  private refs = new Int32Array(1024);
  private nextSeq = 0;
  size = 0;

  push(time: number, kind: number, ref: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const orders = this.orders;
    const refs = this.refs;
    const order = kind * KIND_WEIGHT + this.nextSeq++;
    let i = this.size++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const t = times[parent]!;
      if (t < time || (t === time && orders[parent]! < order)) break;
      times[i] = t;
      orders[i] = orders[parent]!;
      refs[i] = refs[parent]!;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    refs[i] = ref;
  }

  /** The earliest event's time (the heap must not be empty). */
  peekTime(): number {
    return this.times[0]!;
  }
  peekKind(): number {
    return Math.floor(this.orders[0]! / KIND_WEIGHT);
  }
  peekRef(): number {
    return this.refs[0]!;
  }

  /** Drops the earliest event (read it with peek* first). */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const times = this.times;
    const orders = this.orders;
    const refs = this.refs;
    const time = times[last]!;
    const order = orders[last]!;
    const ref = refs[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const tr = times[right]!;
        const tl = times[child]!;
        if (tr < tl || (tr === tl && orders[right]! < orders[child]!)) child = right;
      }
      const tc = times[child]!;
      if (tc > time || (tc === time && orders[child]! > order)) break;
      times[i] = tc;
      orders[i] = orders[child]!;
      refs[i] = refs[child]!;
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    refs[i] = ref;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    const orders = new Float64Array(n);
    orders.set(this.orders);
    const refs = new Int32Array(n);
    refs.set(this.refs);
    this.times = times;
    this.orders = orders;
    this.refs = refs;
  }
}
