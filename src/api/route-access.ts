/**
 * Who may call each route, as the route table pairs definitions with access rules: for the "who"
 * column of docs/api-contract.md, which is written from the definitions alone (no server, no database).
 */
import type { AccessRule } from "../services/index.ts";
import type { AppDeps } from "./env.ts";
import { routeTable } from "./routes/index.ts";

/**
 * Stands in for every dependency while the table is only read: the route modules take `database.db`
 * and the like when the table is built, but only their handlers use them, and none is called here.
 */
const inert: AppDeps = new Proxy(() => undefined, {
  get: () => inert,
  apply: () => inert,
}) as unknown as AppDeps;

/** `GET /api/users/{id}` → its access rule, for every route the app serves. */
export function routeAccess(): Map<string, AccessRule> {
  return new Map(
    routeTable(inert).map((def) => [
      `${def.route.method.toUpperCase()} ${def.route.path}`,
      def.access,
    ]),
  );
}

/** An access rule as the reference prints it. */
export function accessText(rule: AccessRule | undefined): string {
  if (rule === undefined) return "?";
  if (rule.kind === "public") return "anyone";
  if (rule.kind === "signed-in") return "signed in";
  return `\`${rule.permission}\``;
}
