/** Bounds the audit entries of refusals (failed sign-ins, 403s): a flood is counted, not written. */

/** Entries one key (an address, a user) gets per action per minute… */
export const AUDIT_PER_KEY_PER_MINUTE = 10;
/** …and all keys together per action per minute; the rest go into one summary entry. */
export const AUDIT_PER_ACTION_PER_MINUTE = 100;
const WINDOW_MS = 60_000;
/** Keys named in a summary's counts; beyond these the others are added up under "…". */
const MAX_COUNTED_KEYS = 1000;
const SUMMARY_TOP_KEYS = 10;

/** What a flood left unwritten in one window of one action: the summary entry's content. */
export interface SuppressedSummary {
  action: string;
  suppressed: number;
  from: Date;
  to: Date;
  /** The keys with the most suppressed events, most first. */
  top: { key: string; count: number }[];
}

interface Window {
  index: number;
  written: number;
  writtenByKey: Map<string, number>;
  suppressed: number;
  suppressedByKey: Map<string, number>;
  firstSuppressed: number;
  lastSuppressed: number;
}

export interface AuditThrottleOptions {
  perKey?: number;
  perAction?: number;
  now?: () => number;
}

/** Fixed one-minute windows per action; kept in this process (see the README: several servers, several budgets). */
export class AuditThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly closed: SuppressedSummary[] = [];
  private readonly perKey: number;
  private readonly perAction: number;
  readonly now: () => number;

  constructor(options: AuditThrottleOptions = {}) {
    this.perKey = options.perKey ?? AUDIT_PER_KEY_PER_MINUTE;
    this.perAction = options.perAction ?? AUDIT_PER_ACTION_PER_MINUTE;
    this.now = options.now ?? Date.now;
  }

  /** True when this event gets its own entry; false when it is only counted for the summary. */
  admit(action: string, key: string): boolean {
    const at = this.now();
    const window = this.windowOf(action, at);
    const byKey = window.writtenByKey.get(key) ?? 0;
    if (window.written < this.perAction && byKey < this.perKey) {
      window.written += 1;
      window.writtenByKey.set(key, byKey + 1);
      return true;
    }
    if (window.suppressed === 0) window.firstSuppressed = at;
    window.suppressed += 1;
    window.lastSuppressed = at;
    const counted =
      window.suppressedByKey.has(key) || window.suppressedByKey.size < MAX_COUNTED_KEYS ? key : "…";
    window.suppressedByKey.set(counted, (window.suppressedByKey.get(counted) ?? 0) + 1);
    return false;
  }

  /** Whether some window holds suppressed events not yet summarised. */
  get pending(): boolean {
    return this.closed.length > 0 || [...this.windows.values()].some((w) => w.suppressed > 0);
  }

  /** Summaries of the windows that have ended (all of them when `all`), each handed out once. */
  drain(all = false): SuppressedSummary[] {
    const current = Math.floor(this.now() / WINDOW_MS);
    for (const [action, window] of this.windows) {
      if (all || window.index < current) {
        this.close(action, window);
        this.windows.delete(action);
      }
    }
    return this.closed.splice(0);
  }

  private windowOf(action: string, at: number): Window {
    const index = Math.floor(at / WINDOW_MS);
    const existing = this.windows.get(action);
    if (existing && existing.index === index) return existing;
    if (existing) this.close(action, existing);
    const fresh: Window = {
      index,
      written: 0,
      writtenByKey: new Map(),
      suppressed: 0,
      suppressedByKey: new Map(),
      firstSuppressed: 0,
      lastSuppressed: 0,
    };
    this.windows.set(action, fresh);
    return fresh;
  }

  private close(action: string, window: Window) {
    if (window.suppressed === 0) return;
    const top = [...window.suppressedByKey]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, SUMMARY_TOP_KEYS)
      .map(([key, count]) => ({ key, count }));
    this.closed.push({
      action,
      suppressed: window.suppressed,
      from: new Date(window.firstSuppressed),
      to: new Date(window.lastSuppressed),
      top,
    });
  }
}
