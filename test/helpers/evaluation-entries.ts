/** Entries of a complete Zhumadian-2020 sheet, as the report gives them, for tests of evaluations. */
import type { SheetEntries } from "../../src/domain/evaluations/index.ts";

/** What the Zhumadian report gives for its non-data indicators (frameworks/zhumadian-2020/example-input.yaml). */
export const ZHUMADIAN_ENTRIES: SheetEntries = {
  "A.1": {
    facts: { parts: { local: { items: { arranged: true } }, social: { value: 16.4 } } },
    reason: "县区财政已安排配套资金；社会筹资比例基本达到20%",
  },
  "A.2": {
    facts: { items: { rules: true, timely: true, targeted: true } },
    reason: "资金管理办法健全规范，资金分配及时",
  },
  "A.3": {
    facts: {
      parts: {
        mechanisms: { items: { monitoring: true, targets: true } },
        violations: { count: 0 },
      },
    },
    reason: "建立了预算执行、绩效监控机制；无违规违纪",
  },
  "B.1": { facts: { count: 0 } },
  "B.2": { facts: { count: 0 } },
  "C.6": { facts: { count: 0 } },
  "D.1": { facts: { parts: { satisfaction: { value: 80 }, petitions: { count: 0 } } } },
};

/** A county without 计划与完成 rows enters its five completion indicators itself. */
export const COUNTY_COMPLETION: SheetEntries = {
  "C.1": { facts: { actual: 5200, target: 5000 } },
  "C.2": { facts: { actual: 52.5, target: 50.2 } },
  "C.3": { facts: { actual: 260, target: 250 } },
  "C.4": { facts: { actual: 48, target: 45 } },
  "C.5": { facts: { actual: 9800, target: 9600 } },
};
