import { describe, expect, it } from "vitest";
import { fill } from "../domain/bilingual.ts";
import { SURVEY_CLIENT_SOURCE } from "./survey-client.ts";

type Fill = (text: string, params: Record<string, string | number>) => string;

/** The page script's own fill(), taken out of the inlined text and run as it is. */
function scriptFill(): Fill {
  const found = /\n {2}function fill\(text, params\) \{\n[\s\S]*?\n {2}\}\n/.exec(
    SURVEY_CLIENT_SOURCE,
  );
  if (!found) throw new Error("the page script has no fill()");
  const made: unknown = new Function(`${found[0]}\nreturn fill;`)();
  if (typeof made !== "function") throw new Error("fill() did not compile");
  return (text, params) => String(made(text, params));
}

describe("the public page's placeholder filler", () => {
  it("fills as the shared fill() does: numbers, repeats, missing params and non-names", () => {
    const pageFill = scriptFill();
    const cases: [string, Record<string, string | number>][] = [
      ["请检查 {count} 道题", { count: 3 }],
      ["不能小于 {min}", { min: 0.5 }],
      ["{max} and {max} again, {missing} stays", { max: 10 }],
      ["{a}{b}", { a: "", b: 0 }],
      ["{ spaced } {não} {a-b} {}", { spaced: 1, não: 2, "a-b": 3 }],
      ["服务器返回 {status}", {}],
    ];
    for (const [text, params] of cases) {
      expect(pageFill(text, params), text).toBe(fill(text, params));
    }
    expect(pageFill("{max} and {max} again, {missing} stays", { max: 10 })).toBe(
      "10 and 10 again, {missing} stays",
    );
  });
});
