/**
 * What a command reads and writes outside its arguments: the environment, standard output and
 * error, and the exit status. `jixiao` gives it the process's own; tests give it a capture, so that
 * they run the same commands in-process without starting Node and loading the sources each time.
 */
export interface CliIo {
  /** One line on standard output. */
  out(line: string): void;
  /** Text on standard output, as given. */
  write(text: string): void;
  /** Text on standard error, as given (lines end with "\n"). */
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  /** The status to exit with; a command that found errors sets 1. */
  exitCode: number;
}

export function processIo(): CliIo {
  return {
    out: (line) => {
      process.stdout.write(`${line}\n`);
    },
    write: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    exitCode: 0,
  };
}
