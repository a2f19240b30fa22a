/** Looks a message up in a catalogue and fills its `{name}` placeholders. */
import { fill } from "../../../src/shared/bilingual.ts";
import { enUS } from "./en-US.ts";
import type { Locale } from "./locale.ts";
import { type MessageKey, type Messages, zhCN } from "./zh-CN.ts";

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGUES: Record<Locale, Messages> = { "zh-CN": zhCN, "en-US": enUS };

/** `{count, plural, one {# region} other {# regions}}`: the form for the number, `#` the number. */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function translator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  const rules = new Intl.PluralRules(locale);
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    const counted = template.replace(PLURAL, (whole, name: string, one: string, other: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      const form = rules.select(Number(value)) === "one" ? one : other;
      return form.replace(/#/g, String(value));
    });
    return fill(counted, params);
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}
