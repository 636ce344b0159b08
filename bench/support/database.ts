// A fresh PostgreSQL database for one bench run, dropped afterwards (connections and all).
import { randomBytes } from "node:crypto";
import pg from "pg";

async function run(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const name = `gateai_bench_${randomBytes(6).toString("hex")}`;
  await run(admin.toString(), `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
