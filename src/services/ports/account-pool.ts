/**
 * The upstream accounts a pool of workers shares: each runs one task at a time (TaskRepo takes
 * and frees them with the task's transitions); repeated failures lock an account for a while.
 */
export interface AccountPool {
  /** Makes sure accounts 1..size exist (a larger pool later adds rows; a smaller one ignores the rest). */
  seed(size: number): Promise<void>;
  lockedCount(size: number, now: number): Promise<number>;
  /** Accounts 1..size running a task now, and locked now (one read, for operations). */
  occupancy(size: number, now: number): Promise<{ busy: number; locked: number }>;
  /** Counts an attempt: a success clears the account's failures; `threshold` in a row lock it until `lockUntil`. */
  recordOutcome(args: { account: number; success: boolean; threshold: number; lockUntil: number }): Promise<{ locked: boolean }>;
}
