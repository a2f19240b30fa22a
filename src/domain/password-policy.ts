/** The password policy: length and character classes, and not the username. */
import { DomainError } from "./errors.ts";

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/** Throws `password.policy` or `password.contains_username` when the password is too weak. */
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
}
