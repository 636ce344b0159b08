/**
 * Which queued task starts on which free pool account: the driver's rule, as a pure function so
 * that one statement can start many tasks (the database adapter reads the free accounts and the
 * oldest queued tasks, assigns them here, then starts every pair at once, each pair re-checked
 * there) and a test can hold the rule without a database.
 *
 * Tasks are taken oldest first. A task runs only on an account of its model's range (its vendor's
 * accounts; a model absent from the ranges runs on any). A first attempt takes the lowest free
 * id of its range; a retry takes the next free id after its last attempt's account, round the
 * range, and that account itself only when no other is free, so successive attempts land on
 * different accounts. A task with no free account in its range is passed by: it does not hold
 * back a task of another vendor queued behind it. Each account is given once. (The reader of the
 * queue leaves out the tasks of models without a free account, `modelsWithoutFreeAccount`, so the
 * tasks it looks at are ones that may start.)
 */

export interface QueuedCandidate {
  readonly id: string;
  readonly model: string;
  /** The account of its last attempt (null: never started). */
  readonly account: number | null;
}

export interface AccountRange {
  readonly first: number;
  readonly count: number;
}

export interface Assignment {
  readonly task: string;
  readonly account: number;
}

/**
 * Pairs `candidates` (oldest first) with `free` account ids (ascending), at most `max` pairs.
 * `poolSize` bounds the range of a model without one.
 */
export function assignAccounts(
  candidates: readonly QueuedCandidate[],
  free: readonly number[],
  args: { readonly max: number; readonly poolSize: number; readonly accountsByModel?: Readonly<Record<string, AccountRange>> },
): Assignment[] {
  const pairs: Assignment[] = [];
  if (free.length === 0 || args.max <= 0) return pairs;
  const taken = new Uint8Array(free.length);
  let left = free.length;
  for (const task of candidates) {
    if (pairs.length === args.max || left === 0) break;
    const range = args.accountsByModel?.[task.model];
    const lo = range ? range.first : 1;
    const hi = range ? range.first + range.count - 1 : args.poolSize;
    const last = task.account ?? 0;
    // The first free id above `last` in range, else the first in range (below `last`, or `last` itself).
    const index =
      firstFree(free, taken, Math.max(lo, last + 1), hi) ??
      firstFree(free, taken, lo, Math.min(hi, last - 1)) ??
      (last >= lo && last <= hi ? firstFree(free, taken, last, last) : undefined);
    if (index === undefined) continue;
    taken[index] = 1;
    left--;
    pairs.push({ task: task.id, account: free[index]! });
  }
  return pairs;
}

/** The index in `free` of the lowest id in [from, to] not yet taken. */
function firstFree(free: readonly number[], taken: Uint8Array, from: number, to: number): number | undefined {
  if (from > to) return undefined;
  // Binary search for the first id >= from, then skip the taken ones.
  let lo = 0;
  let hi = free.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (free[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < free.length && free[i]! <= to; i++) if (taken[i] === 0) return i;
  return undefined;
}

/**
 * The models of `accountsByModel` whose range holds none of the `free` account ids (ascending):
 * their queued tasks cannot start now, so a reader of the queue passes them by before it counts
 * the tasks it looks at.
 */
export function modelsWithoutFreeAccount(free: readonly number[], accountsByModel: Readonly<Record<string, AccountRange>>): string[] {
  const taken = new Uint8Array(free.length);
  const none: string[] = [];
  for (const [model, range] of Object.entries(accountsByModel)) {
    if (firstFree(free, taken, range.first, range.first + range.count - 1) === undefined) none.push(model);
  }
  return none;
}
