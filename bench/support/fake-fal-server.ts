// The fake fal queue (test/fakes/fal.ts) as a child process for bench:providers, so the bench's
// own CPU figures are the gateway side only. Prints its URL on the first line of stdout.
import { startFakeFal } from "../../test/fakes/fal.ts";

const fake = await startFakeFal({ keys: ["bench-key-1", "bench-key-2", "bench-key-3", "bench-key-4"] });
fake.stepsToComplete = Number(process.env.STEPS ?? 2);
process.stdout.write(`${fake.url}\n`);
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
