/** The client's address: the socket's peer, or X-Forwarded-For read only from named proxies. */
import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { CIDR } from "../proxy-entries.ts";
import type { AppEnv } from "./env.ts";

/** The trusted proxies as a matcher; null when none is named (X-Forwarded-For is then never read). */
export function trustedProxies(entries: readonly string[] | undefined): BlockList | null {
  if (!entries || entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const cidr = CIDR.exec(entry);
    const address = cidr ? (cidr[1] ?? "") : entry;
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (cidr) list.addSubnet(address, Number(cidr[2]), type);
    else list.addAddress(address, type);
  }
  return list;
}

/** A plain address as PostgreSQL's inet stores it, or null: brackets, a port, a zone and ::ffff: go. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? "";
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1] ?? "";
  return isIP(text) === 0 ? null : text.toLowerCase();
}

const isTrusted = (list: BlockList, address: string) =>
  list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client of a request that reached us from `socket`: when the socket's peer is a trusted proxy,
 * X-Forwarded-For is walked from the right and the first address that is not a trusted proxy is the
 * client (entries further left were written by whoever the client is, so they are never believed).
 * An entry that is not an address ends the walk at the last trusted hop.
 */
export function resolveClientAddress(
  socket: string | null,
  forwardedFor: string | undefined,
  trusted: BlockList | null,
): string | null {
  const peer = normalizeAddress(socket);
  if (!trusted || !peer || !forwardedFor || !isTrusted(trusted, peer)) return peer;
  let client = peer;
  const hops = forwardedFor.split(",").reverse();
  for (const hop of hops) {
    const address = normalizeAddress(hop);
    if (address === null) return client;
    client = address;
    if (!isTrusted(trusted, address)) return address;
  }
  return client;
}

function socketAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-memory requests (tests) have no socket
  }
}

/** Works out the client's address once per request (see resolveClientAddress) for clientAddress(c). */
export function clientAddresses(
  trustProxy: readonly string[] | undefined,
): MiddlewareHandler<AppEnv> {
  const trusted = trustedProxies(trustProxy);
  return async (c, next) => {
    c.set(
      "clientAddress",
      resolveClientAddress(socketAddress(c), c.req.header("x-forwarded-for"), trusted),
    );
    await next();
  };
}

/**
 * The address of the client that sent this request: the one value used for sign-in throttling, the
 * audit trail, sessions and the public survey's per-address limits.
 */
export function clientAddress(c: Context<AppEnv>): string | null {
  const resolved = c.get("clientAddress");
  return resolved === undefined ? normalizeAddress(socketAddress(c)) : resolved;
}
