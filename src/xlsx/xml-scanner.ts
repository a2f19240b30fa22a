/** A small streaming XML tokenizer for the parts of an .xlsx: tags and text as they arrive, no tree. */

/** What a scanner tells its reader; element names come without their namespace prefix. */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities already decoded (only called when `wantsText()` says so). */
  text(value: string): void;
  /** Whether text at this point matters: skipping it saves decoding whitespace between tags. */
  wantsText(): boolean;
}

/** Malformed XML or a DTD (never in an .xlsx, and the way to entity-expansion bombs). */
export class XmlSyntaxError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, body: string) => {
    if (body.charCodeAt(0) !== 0x23) return NAMED[body] ?? "";
    const code =
      body.charCodeAt(1) === 0x78 ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The attributes of a start tag as name → decoded value (names keep their prefix). */
export function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = source.length;
  let i = 0;
  while (i < n) {
    const eq = source.indexOf("=", i);
    if (eq < 0) break;
    const name = source.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && source.charCodeAt(q) <= 0x20) q += 1;
    const quote = source[q];
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError("attribute without quotes");
    const end = source.indexOf(quote, q + 1);
    if (end < 0) throw new XmlSyntaxError("unterminated attribute");
    out[name] = decodeEntities(source.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/** The end of a start tag beginning at `from`: the first `>` outside a quoted value, or -1. */
function tagEnd(data: string, from: number): number {
  let quote = 0;
  for (let i = from; i < data.length; i += 1) {
    const c = data.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return i;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

/**
 * Feeds text in any chunks to a handler; an element or text cut by a chunk's end waits for the
 * next chunk, so memory stays at one chunk plus the longest token.
 */
export class XmlScanner {
  private pending = "";
  /** Elements open now: a document that ends with one open was cut off. */
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const data = this.pending + chunk;
    this.pending = data.slice(this.scan(data));
  }

  /** The end of the input: anything left but whitespace is a cut-off document. */
  end(): void {
    if (this.pending.trim() !== "" || this.depth !== 0) {
      throw new XmlSyntaxError("unexpected end of document");
    }
    this.pending = "";
  }

  /** Handles every complete token of `data`; answers where the first incomplete one starts. */
  private scan(data: string): number {
    const h = this.handler;
    let i = 0;
    const n = data.length;
    while (i < n) {
      const lt = data.indexOf("<", i);
      if (lt < 0) {
        // Text whose end is not here yet; whitespace between tags is dropped at once.
        return h.wantsText() ? i : n;
      }
      if (lt > i && h.wantsText()) h.text(decodeEntities(data.slice(i, lt)));
      if (lt + 1 >= n) return lt;
      const next = data.charCodeAt(lt + 1);
      if (next === 0x2f) {
        // </name>
        const gt = data.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        this.depth -= 1;
        if (this.depth < 0) throw new XmlSyntaxError("end tag without a start");
        h.close(localName(data.slice(lt + 2, gt).trim()));
        i = gt + 1;
      } else if (next === 0x3f) {
        // <?xml … ?>
        const gt = data.indexOf("?>", lt + 2);
        if (gt < 0) return lt;
        i = gt + 2;
      } else if (next === 0x21) {
        if (n - lt < 9) return lt;
        if (data.startsWith("<!--", lt)) {
          const gt = data.indexOf("-->", lt + 4);
          if (gt < 0) return lt;
          i = gt + 3;
        } else if (data.startsWith("<![CDATA[", lt)) {
          const gt = data.indexOf("]]>", lt + 9);
          if (gt < 0) return lt;
          if (h.wantsText()) h.text(data.slice(lt + 9, gt));
          i = gt + 3;
        } else throw new XmlSyntaxError("DTD or unknown markup");
      } else {
        const gt = tagEnd(data, lt + 1);
        if (gt < 0) return lt;
        const selfClosing = data.charCodeAt(gt - 1) === 0x2f;
        const inner = data.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let s = 0;
        while (s < inner.length && inner.charCodeAt(s) > 0x20) s += 1;
        const name = localName(inner.slice(0, s));
        if (name === "") throw new XmlSyntaxError("empty tag name");
        h.open(name, s < inner.length ? inner.slice(s) : "", selfClosing);
        if (selfClosing) h.close(name);
        else this.depth += 1;
        i = gt + 1;
      }
    }
    return n;
  }
}
