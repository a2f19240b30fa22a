import { describe, expect, it } from "vitest";
import { simpleTable } from "./document.ts";

describe("simpleTable", () => {
  it("heads the table with one bold, centred row of its column titles", () => {
    const table = simpleTable({
      name: "佐证材料清单",
      caption: "佐证材料清单",
      columns: [
        { title: "序号", width: 6 },
        { title: "文件名", width: 30 },
      ],
      rows: [[{ text: "1" }, { text: "a.pdf" }]],
    });
    expect(table.kind).toBe("table");
    expect(table.header).toEqual([
      [
        { text: "序号", align: "center", bold: true },
        { text: "文件名", align: "center", bold: true },
      ],
    ]);
    expect(table.rows).toEqual([[{ text: "1" }, { text: "a.pdf" }]]);
  });
});
