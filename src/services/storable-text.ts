/** Refuses parsed file contents (JSON, YAML) that PostgreSQL could not store: NUL, unpaired surrogates. */
import { DomainError } from "../domain/errors.ts";
import { findUnstorableText } from "../domain/text.ts";

export function assertStorableText(fileName: string, parsed: unknown) {
  const path = findUnstorableText(parsed);
  if (path !== null) {
    throw new DomainError("file.invalid_text", { file: fileName, path }, { file: fileName, path });
  }
}
