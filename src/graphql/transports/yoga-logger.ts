import type { Logger } from "pino";

type Level = "debug" | "info" | "warn" | "error";
type YogaLogger = Record<Level, (...args: unknown[]) => void>;

/**
 * Yoga's logger as pino lines with a proper `msg`: Yoga calls `logger.level(...args)` the way
 * console is called (a message, then values), while pino takes (object, message). The first
 * string is the message; an Error goes under `err` (pino's serializer); other values under `args`.
 * Yoga logging: https://the-guild.dev/graphql/yoga-server/docs/features/logging-and-debugging
 */
export function yogaLoggerFor(log: Logger): YogaLogger {
  const line = (level: Level) => (...args: unknown[]): void => {
    if (!log.isLevelEnabled(level)) return;
    const first = args[0];
    const msg = typeof first === "string" ? first : undefined;
    const rest = msg === undefined ? args : args.slice(1);
    const err = rest.find((value): value is Error => value instanceof Error);
    const others = rest.filter((value) => value !== err);
    const fields = Object.assign({}, (err ? { err } : {}), (others.length ? { args: others } : {}));
    log[level](fields, msg ?? err?.message ?? "graphql-yoga");
  };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}
