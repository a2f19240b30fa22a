import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { isProxyEntry } from "../proxy-entries.ts";
import { normalizeAddress, resolveClientAddress, trustedProxies } from "./client-address.ts";

const proxy = trustedProxies(["10.0.0.1", "172.16.0.0/12", "::1"]);

describe("resolveClientAddress", () => {
  it("without trusted proxies takes the socket's peer and ignores X-Forwarded-For", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.9", null)).toBe("10.0.0.1");
    expect(resolveClientAddress("::ffff:192.0.2.4", "203.0.113.9", null)).toBe("192.0.2.4");
  });

  it("reads X-Forwarded-For only when the socket's peer is a named proxy", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.9", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("198.51.100.3", "203.0.113.9", proxy)).toBe("198.51.100.3");
    expect(resolveClientAddress("10.0.0.1", undefined, proxy)).toBe("10.0.0.1");
  });

  it("takes the right-most address that is not a trusted proxy: what the client wrote is not believed", () => {
    // The client sent "1.1.1.1" itself; the proxy appended the address it saw.
    expect(resolveClientAddress("10.0.0.1", "1.1.1.1, 203.0.113.9", proxy)).toBe("203.0.113.9");
    // Two proxies of ours in a row (a CIDR block, an IPv6 loopback), then the client.
    expect(resolveClientAddress("::1", "203.0.113.9, 172.20.1.5, 10.0.0.1", proxy)).toBe(
      "203.0.113.9",
    );
    // Every hop is ours: the left-most is the best there is.
    expect(resolveClientAddress("10.0.0.1", "172.16.0.9", proxy)).toBe("172.16.0.9");
  });

  it("stops at an entry that is not an address, keeping the last trusted hop", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.9, garbage", proxy)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", "' or 1=1 --", proxy)).toBe("10.0.0.1");
  });

  it("accepts ports, brackets and mapped IPv4 in the header, and gives plain addresses", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.9:5123", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.1", "[2001:DB8::7]:443", proxy)).toBe("2001:db8::7");
    expect(resolveClientAddress("::ffff:10.0.0.1", "::ffff:203.0.113.9", proxy)).toBe(
      "203.0.113.9",
    );
  });
});

describe("normalizeAddress", () => {
  it("gives null for anything that is not an address", () => {
    expect(normalizeAddress(undefined)).toBeNull();
    expect(normalizeAddress("")).toBeNull();
    expect(normalizeAddress("localhost")).toBeNull();
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });
});

describe("JIXIAO_TRUST_PROXY", () => {
  it("is off unless set, and takes addresses and CIDR blocks", () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ JIXIAO_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
  });

  it("refuses what is not an address or a block, naming the variable", () => {
    expect(() => loadConfig({ JIXIAO_TRUST_PROXY: "nginx" })).toThrow(/JIXIAO_TRUST_PROXY/);
    expect(() => loadConfig({ JIXIAO_TRUST_PROXY: "10.0.0.0/33" })).toThrow(/JIXIAO_TRUST_PROXY/);
    expect(isProxyEntry("fd00::/8")).toBe(true);
    expect(isProxyEntry("fd00::/129")).toBe(false);
  });
});
