/** Reads a new password from JIXIAO_NEW_PASSWORD or, on a terminal, twice without echo. */
import { createInterface } from "node:readline";
import { DomainError } from "../domain/errors.ts";

export async function promptPassword(env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = env.JIXIAO_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new DomainError("config.invalid", {
      reason:
        "无终端时请用 JIXIAO_NEW_PASSWORD 提供密码 / set JIXIAO_NEW_PASSWORD when there is no terminal",
    });
  }
  const first = await ask("新密码 / new password: ");
  const second = await ask("再输入一次 / again: ");
  if (first !== second) {
    throw new DomainError("config.invalid", { reason: "两次输入不一致 / the passwords differ" });
  }
  return first;
}

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write.call(rl, s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
