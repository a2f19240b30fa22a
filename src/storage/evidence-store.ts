/** Where evidence files live: a folder, content-addressed by SHA-256 (the same file is kept once). */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface EvidenceStore {
  /** Keeps the bytes under their SHA-256; a second put of the same file changes nothing. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  read(sha256: string): Promise<Buffer>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function folderEvidenceStore(dir: string): EvidenceStore {
  const pathOf = (sha256: string) => {
    if (!HEX64.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    async put(sha256, bytes) {
      const path = pathOf(sha256);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      // Written beside and renamed: a crash never leaves half a file under the final name.
      const temp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    read: (sha256) => readFile(pathOf(sha256)),
  };
}
