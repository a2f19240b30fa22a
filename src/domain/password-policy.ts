/** The password policy: length and character classes, not the username, and not a common password. */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "./errors.ts";

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;
/**
 * zxcvbn's score (0–4) a password must reach: 3 means about 10^8 guesses or more, so a word of its
 * 49,000 common passwords with digits, symbols or l33t around it (Password123!, Passw0rd!23) is refused.
 */
export const PASSWORD_MIN_SCORE = 3;
/**
 * zxcvbn's time grows fast with the length (0.8 s for a 128-character l33t repetition, under 0.1 s at
 * 32), and it runs on the event loop: the first 32 characters decide whether a password is common.
 */
const CHECKED_LENGTH = 32;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the dictionaries takes about 0.1 s. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    maxLength: CHECKED_LENGTH,
  });
  return estimator;
}

/** Whether zxcvbn finds the password too easy to guess (a common password or a pattern of one). */
export function isCommonPassword(password: string, username = ""): boolean {
  const inputs = username.length >= 3 ? [username] : [];
  return zxcvbn().check(password, inputs).score < PASSWORD_MIN_SCORE;
}

/** Throws `password.policy`, `password.contains_username` or `password.common` when the password is too weak. */
export function assertPasswordPolicy(password: string, username: string): void {
  const classes = CLASSES.filter((re) => re.test(password)).length;
  const length = [...password].length;
  if (
    length < PASSWORD_MIN_LENGTH ||
    length > PASSWORD_MAX_LENGTH ||
    classes < PASSWORD_MIN_CLASSES
  ) {
    throw new DomainError("password.policy", {}, { field: "password" });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    throw new DomainError("password.contains_username", {}, { field: "password" });
  }
  if (isCommonPassword(password, username)) {
    throw new DomainError("password.common", {}, { field: "password" });
  }
}
