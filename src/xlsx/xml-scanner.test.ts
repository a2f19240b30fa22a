import { describe, expect, it } from "vitest";
import { parseAttributes, type XmlHandler, XmlScanner, XmlSyntaxError } from "./xml-scanner.ts";

function events(chunks: readonly string[]): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    open: (name, attributes, selfClosing) =>
      out.push(`<${name}${selfClosing ? "/" : ""} ${JSON.stringify(parseAttributes(attributes))}`),
    close: (name) => out.push(`</${name}`),
    text: (value) => out.push(`"${value}"`),
    wantsText: () => true,
  };
  const scanner = new XmlScanner(handler);
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return out;
}

const XML =
  '<?xml version="1.0"?><!-- 注释 --><x:sst xmlns:x="m" a=\'1 > 0\'><si><t xml:space="preserve"> 汕头&amp;潮州 </t></si>' +
  '<si><t><![CDATA[<b>]]></t></si><c r="A1" t="s"/></x:sst>';

describe("XmlScanner", () => {
  // Text cut by a chunk's end arrives in one piece, so the events never depend on the cuts.
  it("gives the same tags and text however the input is cut", () => {
    const whole = events([XML]);
    expect(whole).toEqual([
      '<sst {"xmlns:x":"m","a":"1 > 0"}',
      "<si {}",
      '<t {"xml:space":"preserve"}',
      '" 汕头&潮州 "',
      "</t",
      "</si",
      "<si {}",
      "<t {}",
      '"<b>"',
      "</t",
      "</si",
      '<c/ {"r":"A1","t":"s"}',
      "</c",
      "</sst",
    ]);
    expect(events([...XML])).toEqual(whole);
    for (let cut = 1; cut < XML.length; cut += 7) {
      expect(events([XML.slice(0, cut), XML.slice(cut)])).toEqual(whole);
    }
  });

  it("refuses a DTD, a document cut off inside an element, and a stray end tag", () => {
    for (const xml of ['<!DOCTYPE a [<!ENTITY b "c">]><a/>', "<a><b></b>", "<a></a></b>"]) {
      expect(() => events([xml])).toThrow(XmlSyntaxError);
    }
  });
});
