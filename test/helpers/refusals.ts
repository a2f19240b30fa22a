/** What a refused call threw, for tests that assert a DomainError's code and message. */
import { DomainError } from "../../src/domain/errors.ts";

/** The DomainError a promise is refused with; anything else (or no refusal) fails the test. */
export async function refusalError(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("not refused");
}

/** The code and zh-CN message a promise is refused with. */
export async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await refusalError(work);
  return { code: err.code, message: err.messageIn("zh-CN") };
}

/** The code and zh-CN message a synchronous call throws. */
export function refusalNow(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.messageIn("zh-CN") };
    throw err;
  }
  throw new Error("not refused");
}
