import { describe, expect, it } from "vitest";
import { AuditThrottle } from "./audit-throttle.ts";

const at = (minute: number, second = 0) => Date.UTC(2026, 11, 2, 9, minute, second);

function throttleAt(start: number, options: { perKey?: number; perAction?: number } = {}) {
  let now = start;
  const throttle = new AuditThrottle({ ...options, now: () => now });
  return { throttle, set: (t: number) => (now = t) };
}

describe("AuditThrottle", () => {
  it("writes the first entries of a key each minute and counts the rest for one summary", () => {
    const { throttle, set } = throttleAt(at(0, 5), { perKey: 10 });
    const admitted = Array.from({ length: 200 }, () => throttle.admit("access.refused", "user:v"));
    expect(admitted.filter(Boolean)).toHaveLength(10);
    expect(throttle.drain()).toEqual([]); // the minute has not ended
    set(at(1, 0));
    expect(throttle.drain()).toEqual([
      {
        action: "access.refused",
        suppressed: 190,
        from: new Date(at(0, 5)),
        to: new Date(at(0, 5)),
        top: [{ key: "user:v", count: 190 }],
      },
    ]);
    expect(throttle.drain()).toEqual([]); // handed out once
    expect(throttle.admit("access.refused", "user:v")).toBe(true); // a new minute, a new budget
  });

  it("caps an action over all keys, so that many addresses cannot fill the disk either", () => {
    const { throttle } = throttleAt(at(3), { perKey: 10, perAction: 100 });
    let written = 0;
    for (let i = 0; i < 5000; i++)
      if (throttle.admit("login.failed", `ip:10.0.${i >> 8}.${i & 255}`)) written++;
    expect(written).toBe(100);
    const [summary] = throttle.drain(true);
    expect(summary?.suppressed).toBe(4900);
    expect(summary?.top).toHaveLength(10);
  });

  it("keeps actions and keys apart", () => {
    const { throttle } = throttleAt(at(7), { perKey: 2 });
    expect([1, 2, 3].map(() => throttle.admit("login.failed", "ip:a"))).toEqual([
      true,
      true,
      false,
    ]);
    expect(throttle.admit("login.failed", "ip:b")).toBe(true);
    expect(throttle.admit("login.locked", "ip:a")).toBe(true);
    expect(throttle.pending).toBe(true);
    expect(throttle.drain(true).map((s) => [s.action, s.suppressed])).toEqual([
      ["login.failed", 1],
    ]);
    expect(throttle.pending).toBe(false);
  });
});
