/** Who is acting: a signed-in user from the API, or the operator at the console (CLI). */
import type { Locale } from "../domain/errors.ts";
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
  /** The language the user reads (Accept-Language): texts the server writes for them use it. */
  locale?: Locale;
}

export function systemContext(name: string): ServiceContext {
  return { actor: null, systemName: name, ip: null, requestId: null };
}

/** A user's context outside any request (a queued job, a test): no IP, no request id. */
export function userContext(
  user: { id: number; username: string; role: string; regionCode: string },
  regionPath: string,
): ServiceContext {
  return {
    actor: {
      userId: user.id,
      username: user.username,
      // The column holds only ROLES: users are written through createUser's schema.
      role: user.role as Role,
      regionCode: user.regionCode,
      regionPath,
    },
    ip: null,
    requestId: null,
  };
}

/** A region's own level (its spending apart from its subregions'): 广东省（本级）, 广东省 (own level). */
export function ownLevel(name: string, locale: Locale | undefined): string {
  return locale === "en-US" ? `${name} (own level)` : `${name}（本级）`;
}
