import { type Logger, pino } from "pino";
import pretty from "pino-pretty";

export interface LoggerOptions {
  /**
   * Human-readable lines (pino-pretty) instead of JSON: for the demo on a terminal. Written
   * synchronously, so they keep their order with the ready banner.
   */
  pretty?: boolean;
  /**
   * Write each line before going on (the demo: its lines keep their order with the banner,
   * which console.log writes). Off by default: production logs asynchronously.
   */
  sync?: boolean;
}

/**
 * JSON logs (or pretty ones, see LoggerOptions). Paths that could carry a credential are
 * redacted even if some code tries to log them (headers, tokens, secrets); our own log lines
 * never include them anyway.
 */
export function createLogger(
  level: string,
  destination?: NodeJS.WritableStream,
  options: LoggerOptions = {},
): Logger {
  const stream = options.pretty
    ? pretty({
        destination: destination ?? process.stdout,
        sync: true,
        colorize: destination === undefined && process.stdout.isTTY === true,
        ignore: "pid,hostname,service",
        translateTime: "HH:MM:ss",
        singleLine: true,
      })
    : (destination ?? (options.sync ? pino.destination({ dest: 1, sync: true }) : undefined));
  return pino(
    {
      level,
      base: { service: "imgraph-gateway" },
      redact: {
        paths: [
          "headers.authorization",
          "headers.x-api-key",
          "*.authorization",
          "*.token",
          "*.secret",
          "*.appSecret",
          "*.serverSecret",
          "*.key",
          "*.usersig",
          "token",
          "secret",
        ],
        censor: "[redacted]",
      },
    },
    stream as never,
  );
}

/**
 * Whether the demo logs pretty lines: LOG_FORMAT=pretty or json decides; otherwise pretty
 * when standard output is a terminal (production, which runs `serve`, stays JSON).
 */
export function demoLogsPretty(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.LOG_FORMAT === "pretty") return true;
  if (env.LOG_FORMAT === "json") return false;
  return isTTY;
}
