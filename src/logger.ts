/** pino: JSON lines, or readable lines when a person watches the terminal. */
import pino, { type Logger } from "pino";

export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  return pino({
    level,
    redact: ["req.headers.cookie", "password", "*.password"],
    ...(pretty && {
      transport: {
        target: "pino-pretty",
        options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" },
      },
    }),
  });
}
