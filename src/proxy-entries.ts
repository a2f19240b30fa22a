/**
 * The entries of JIXIAO_TRUST_PROXY: an address or a CIDR block each. Read by the configuration and
 * by the API's client-address middleware; here, below both, so that config.ts imports no API code.
 */
import { isIP } from "node:net";

export const CIDR = /^(.+)\/(\d{1,3})$/;

/** Whether `entry` is an address or a CIDR block (10.0.0.0/8, fd00::/8) that a proxy list may hold. */
export function isProxyEntry(entry: string): boolean {
  const cidr = CIDR.exec(entry);
  const address = cidr ? (cidr[1] ?? "") : entry;
  const family = isIP(address);
  if (family === 0) return false;
  if (!cidr) return true;
  const prefix = Number(cidr[2]);
  return prefix <= (family === 4 ? 32 : 128);
}

/** Splits JIXIAO_TRUST_PROXY ("127.0.0.1, 10.0.0.0/8") into its entries; the caller checks each. */
export function proxyEntries(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
