/**
 * `npm run chaos [-- --duration=SECONDS --trials=N --seed=N --gateways=N --keys=N --scale=N]`:
 * chaos trials (bench/chaos/run.ts) against this build (dist/, rebuilt when stale). Prints each
 * trial's figures and violations; exits 1 when any trial broke an invariant.
 */
import { spawnSync } from "node:child_process";
import { ROOT } from "./chaos/cluster.ts";
import { defaultChaosOptions, runChaos, type ChaosOptions } from "./chaos/run.ts";

const arg = (name: string): number | undefined => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (found === undefined) return undefined;
  const value = Number(found.slice(name.length + 3));
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
  return value;
};

const trials = arg("trials") ?? 1;
const firstSeed = arg("seed") ?? Math.floor(Math.random() * 1_000_000);
const options: Partial<ChaosOptions> = {
  durationMs: (arg("duration") ?? defaultChaosOptions.durationMs / 1000) * 1000,
  gateways: arg("gateways") ?? defaultChaosOptions.gateways,
  keys: arg("keys") ?? defaultChaosOptions.keys,
  timeScale: arg("scale") ?? defaultChaosOptions.timeScale,
  killEveryMs: (arg("kill-every") ?? defaultChaosOptions.killEveryMs / 1000) * 1000,
  restartRedis: arg("restart-redis") !== 0,
  restartPostgres: arg("restart-postgres") !== 0,
  log: (line) => console.log(line),
};
if ((options.gateways ?? 3) < 3) throw new Error("--gateways: at least 3");

const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale", "--lenient"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

let violations = 0;
for (let trial = 0; trial < trials; trial++) {
  const seed = firstSeed + trial;
  const report = await runChaos({ ...options, seed });
  violations += report.violations.length;
  console.log(
    [
      `trial ${trial + 1}/${trials} (seed ${seed}): kills ${report.kills}, gateway restarts ${report.gatewayRestarts}, Redis restarts ${report.redisRestarts}, PostgreSQL restarts ${report.postgresRestarts}`,
      `  tasks ${report.tasks} (finished ${report.finished}, failed ${report.failed}, refunded ${report.refunded}), feed reconnects ${report.feedReconnects}`,
      `  answers ${JSON.stringify(report.requests)}`,
      `  failures ${JSON.stringify(report.failures)}`,
      `  invariant violations ${report.violations.length}`,
      ...report.violations.slice(0, 50).map((v) => `    ${v.rule}: ${v.detail}`),
    ].join("\n"),
  );
}
console.log(`chaos: ${trials} trial(s) from seed ${firstSeed}, invariant violations ${violations}`);
process.exit(violations === 0 ? 0 : 1);
