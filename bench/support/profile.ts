// Optional CPU profiles of the server's thread during exactly one measured phase
// (`--cpu-prof-dir=DIR`): start-up and warm-up stay out of the profile.
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Session } from "node:inspector/promises";

export async function profiled<T>(dir: string | undefined, name: string, run: () => Promise<T>): Promise<T> {
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`  (CPU profile of the server thread: ${file})`);
    session.disconnect();
  }
}
