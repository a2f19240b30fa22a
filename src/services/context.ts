/** Who is acting: a signed-in user from the API, or the operator at the console (CLI). */
import type { Role } from "../shared/roles.ts";

export interface Actor {
  userId: number;
  username: string;
  role: Role;
  regionCode: string;
  /** The actor's region path, e.g. "/000000/410000/411700/": the root of what they may see. */
  regionPath: string;
}

export interface ServiceContext {
  /** null for the console operator, who acts on the whole database. */
  actor: Actor | null;
  /** How the audit trail names the actor when there is no user (e.g. "cli:root"). */
  systemName?: string;
  ip: string | null;
  requestId: string | null;
}

export function systemContext(name: string): ServiceContext {
  return { actor: null, systemName: name, ip: null, requestId: null };
}
