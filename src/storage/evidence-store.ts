/** Evidence files live in the file store (./file-store.ts): a folder, or the database. */
import { type FileStore, folderFileStore } from "./file-store.ts";

export type EvidenceStore = FileStore;

/** The folder store (the PGlite default), under its older name. */
export const folderEvidenceStore = folderFileStore;
