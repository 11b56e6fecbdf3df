import { type Logger, pino } from "pino";

/**
 * JSON logs. Paths that could carry a credential are redacted even if some code tries to
 * log them (headers, tokens, secrets); our own log lines never include them anyway.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
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
    destination as never,
  );
}
