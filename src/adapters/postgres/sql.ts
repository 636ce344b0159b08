/**
 * Plain SQL on the database driver itself (node-postgres' pool, or PGlite), for the statements
 * on the hot path. Prisma's runtime costs about 200 µs of CPU per raw query on top of the
 * driver's ~70 µs (measured on this machine), which was a third of an accepted generation's
 * CPU in the gateway process. Everything else goes through Prisma.
 *
 * Parameters are positional ($1, $2...) and should be cast in the SQL (`$1::bigint`); pass JSON
 * as text and cast it (`$2::text::jsonb`), so both drivers send it the same way. Numeric columns
 * of type bigint come back as a string (node-postgres) or a bigint (PGlite): read them with Number().
 */
export interface SqlClient {
  query<Row extends object>(text: string, values: readonly unknown[]): Promise<Row[]>;
}
