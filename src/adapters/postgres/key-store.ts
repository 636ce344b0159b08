import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { KeyStore, StoredKey } from "../../services/ports/key-store.ts";

interface KeyRow {
  id: string;
  prefix: string;
  label: string | null;
  dailyLimitMicros: bigint | null;
  createdAt: Date;
  revokedAt: Date | null;
}

const fromRow = (row: KeyRow): StoredKey => ({
  id: row.id,
  prefix: row.prefix,
  label: row.label,
  dailyLimit: row.dailyLimitMicros === null ? null : Number(row.dailyLimitMicros),
  createdAt: row.createdAt.getTime(),
  revokedAt: row.revokedAt ? row.revokedAt.getTime() : null,
});
const orNull = (row: KeyRow | null | undefined) => (row ? fromRow(row) : null);
const micros = (n: number | null) => (n === null ? null : BigInt(n));

/** API keys in `api_keys`, stored by their sha256 hash. */
export function createKeyStore(prisma: PrismaClient): KeyStore {
  return {
    findByHash: async (hash) => orNull(await prisma.apiKey.findUnique({ where: { hash } })),
    find: async (id) => orNull(await prisma.apiKey.findUnique({ where: { id } })),
    create: async (key) =>
      fromRow(await prisma.apiKey.create({ data: { hash: key.hash, prefix: key.prefix, label: key.label, dailyLimitMicros: micros(key.dailyLimit) } })),
    async createMissing(keys) {
      return (await prisma.apiKey.createMany({ data: keys.map((k) => ({ hash: k.hash, prefix: k.prefix, label: k.label })), skipDuplicates: true })).count;
    },
    revoke: async (id, at) => orNull((await prisma.apiKey.updateManyAndReturn({ where: { id, revokedAt: null }, data: { revokedAt: new Date(at) } }))[0]),
    setDailyLimit: async (id, dailyLimit) =>
      orNull((await prisma.apiKey.updateManyAndReturn({ where: { id }, data: { dailyLimitMicros: micros(dailyLimit) } }))[0]),
    count: () => prisma.apiKey.count(),
    revokedSince: async (at) => (await prisma.apiKey.findMany({ where: { revokedAt: { gte: new Date(at) } }, select: { id: true } })).map((row) => row.id),
  };
}
