import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { AccountPool } from "../../services/ports/account-pool.ts";
import type { SqlClient } from "./sql.ts";

/** Pool accounts in `pool_accounts`; TaskRepo's transitions take and free `busy_task`. */
export function createAccountPool(prisma: PrismaClient, sql: SqlClient): AccountPool {
  return {
    async seed(size) {
      await prisma.$executeRaw`INSERT INTO pool_accounts (id) SELECT generate_series(1, ${size}::int) ON CONFLICT (id) DO NOTHING`;
    },
    async lockedCount(size, now) {
      const rows = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pool_accounts WHERE id <= ${size}::int AND locked_until > ${new Date(now)}::timestamptz`;
      return rows[0]?.n ?? 0;
    },
    async occupancy(size, now) {
      const rows = await prisma.$queryRaw<{ busy: number; locked: number }[]>`
        SELECT count(*) FILTER (WHERE busy_task IS NOT NULL)::int AS busy,
               count(*) FILTER (WHERE locked_until > ${new Date(now)}::timestamptz)::int AS locked
        FROM pool_accounts WHERE id <= ${size}::int`;
      return { busy: rows[0]?.busy ?? 0, locked: rows[0]?.locked ?? 0 };
    },
    async recordOutcome(args) {
      if (args.success) {
        // Nearly always there is nothing to reset: the row is then left as it is, and the
        // statement writes nothing (no row version, no commit to flush to disk).
        await sql.query(`UPDATE pool_accounts SET consecutive_failures = 0 WHERE id = $1::int AND consecutive_failures <> 0`, [args.account]);
        return { locked: false };
      }
      const rows = await prisma.$queryRaw<{ locked: boolean }[]>`
        UPDATE pool_accounts SET
          consecutive_failures = CASE WHEN consecutive_failures + 1 >= ${args.threshold}::int THEN 0 ELSE consecutive_failures + 1 END,
          locked_until = CASE WHEN consecutive_failures + 1 >= ${args.threshold}::int THEN ${new Date(args.lockUntil)}::timestamptz ELSE locked_until END
        WHERE id = ${args.account}::int
        RETURNING (consecutive_failures = 0) AS locked`;
      return { locked: rows[0]?.locked === true };
    },
  };
}
