/**
 * Plain SQL on the database driver itself (node-postgres' pool, or PGlite), for the statements
 * on the hot path: Prisma's runtime costs several times the driver's own CPU per query, too much
 * for the statements every accepted generation and every task driven runs (figures:
 * bench/README.md). Everything else goes through Prisma.
 *
 * Parameters are positional ($1, $2...) and should be cast in the SQL (`$1::bigint`); pass JSON
 * as text and cast it (`$2::text::jsonb`), so both drivers send it the same way. Numeric columns
 * of type bigint come back as a string (node-postgres) or a number or bigint (PGlite): read them
 * with Number().
 */
export interface SqlClient {
  query<Row extends object>(text: string, values: readonly unknown[]): Promise<Row[]>;
}
