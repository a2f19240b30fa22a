/**
 * The page residents open from a survey's QR code: one server-rendered HTML document (questions
 * visible before any script runs), inline CSS and script allowed by their hashes, nothing loaded
 * from elsewhere.
 */
import { createHash } from "node:crypto";
import { type Text, textIn } from "../domain/frameworks/index.ts";
import {
  type PersonalField,
  type Question,
  type Questionnaire,
  scaleOf,
} from "../domain/surveys/index.ts";
import {
  SURVEY_CLIENT_SOURCE,
  type SurveyClientConfig,
  type SurveyClientMessages,
} from "./survey-client.ts";

type PageLocale = "zh-CN" | "en-US";

export interface PublicSurveyPageInput {
  /** The collection point's public token (the /s/{token} of its QR code). */
  token: string;
  /** The survey's title, as its organiser wrote it. */
  title: string;
  communityName: string;
  /** The published questionnaire; null before the first publication (shown as a draft). */
  questionnaire: Questionnaire | null;
  status: "draft" | "open" | "closed";
  needsAccessCode: boolean;
  /** This device has answered already (the signed cookie). */
  answered: boolean;
  /**
   * The device may send another questionnaire after its receipt (the survey's shared-devices
   * setting, for a volunteer's phone at a collection point); otherwise the receipt offers none.
   */
  another?: boolean;
  /** The signed single-use ticket (issue time, nonce) sent back with the answer. */
  ticket: string;
  locale: PageLocale;
}

interface PageWords {
  closed: string;
  draft: string;
  answered: string;
  community: string;
  requiredNote: string;
  requiredMark: string;
  personalData: string;
  personalPurpose: string;
  fields: Record<PersonalField, string>;
  upTo: string;
  range: string;
  accessCode: string;
  accessHelp: string;
  noscript: string;
  chars: string;
  colon: string;
}

const WORDS: Record<PageLocale, PageWords> = {
  "zh-CN": {
    closed: "本次调查已结束",
    draft: "问卷尚未发布",
    answered: "本设备已提交过本问卷，感谢您的参与",
    community: "小区",
    requiredNote: "带 * 的为必答题",
    requiredMark: "必答",
    personalData: "本问卷收集的个人信息：",
    personalPurpose: "用途：",
    fields: { name: "姓名", phone: "电话" },
    upTo: "最多选 {n} 项",
    range: "填写范围",
    accessCode: "访问码",
    accessHelp: "请填写社区告知的访问码",
    noscript: "请在浏览器中启用 JavaScript 后提交问卷。",
    chars: "字",
    colon: "：",
  },
  "en-US": {
    closed: "This survey has ended",
    draft: "This questionnaire is not published yet",
    answered: "This device has already answered this questionnaire. Thank you for taking part",
    community: "Community",
    requiredNote: "Questions marked * must be answered",
    requiredMark: "required",
    personalData: "Personal data this questionnaire collects: ",
    personalPurpose: "Purpose: ",
    fields: { name: "name", phone: "phone" },
    upTo: "choose up to {n}",
    range: "Range",
    accessCode: "Access code",
    accessHelp: "The code your community gave you",
    noscript: "Please turn on JavaScript in your browser to send the questionnaire.",
    chars: "characters",
    colon: ": ",
  },
};

const CLIENT_WORDS: Record<PageLocale, SurveyClientMessages> = {
  "zh-CN": {
    required: "此题为必答题",
    fix: "还有 {count} 处需要填写或修改，请检查标红的题目",
    notNumber: "请填写数字",
    notInteger: "请填写整数",
    belowMin: "不能小于 {min}",
    aboveMax: "不能大于 {max}",
    accessCode: "请填写访问码",
    sending: "正在提交…",
    submit: "提交问卷",
    success: "提交成功，感谢您的参与",
    receipt: "回执编号：",
    network: "网络连接失败，您的答案仍保留在本页，请检查网络后再次提交",
    failed: "提交失败（{status}），请稍后再试",
    checkAnswer: "请检查此题的答案",
    another: "再填写一份（如现场代他人填写）",
  },
  "en-US": {
    required: "This question must be answered",
    fix: "{count} answers need attention: see the questions marked in red",
    notNumber: "Enter a number",
    notInteger: "Enter a whole number",
    belowMin: "At least {min}",
    aboveMax: "At most {max}",
    accessCode: "Enter the access code",
    sending: "Sending…",
    submit: "Send",
    success: "Sent. Thank you for taking part",
    receipt: "Receipt: ",
    network: "No connection: your answers are still on this page; check the network and send again",
    failed: "Not sent ({status}); please try again later",
    checkAnswer: "Check this answer",
    another: "Answer another questionnaire (e.g. for a neighbour, on site)",
  },
};

const STYLE = `*{box-sizing:border-box}[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f2f4f7;color:#1d2129;font:17px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:640px;margin:0 auto;padding:12px 12px 40px}
h1{font-size:22px;line-height:1.35;margin:8px 0 4px}
h2{font-size:18px;margin:20px 0 8px;color:#0b57d0}
.sub,.note{color:#4e5969;margin:0 0 8px}
.card{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px}
.q{background:#fff;border:2px solid transparent;border-radius:10px;padding:14px;margin:0 0 12px}
.q.bad{border-color:#d93026}
.qt{display:block;font-weight:600;margin:0 0 8px}
.req{color:#d93026;font-style:normal;margin-left:4px}
.help{color:#4e5969;font-size:15px;margin:-4px 0 8px}
.opt{display:flex;align-items:center;min-height:48px;margin:8px 0;padding:8px 12px;border:1px solid #c9cdd4;border-radius:8px}
.opt input{flex:none;width:22px;height:22px;margin:0 12px 0 0}
.opt input:checked+span{color:#0b57d0;font-weight:600}
.opt input:disabled+span{color:#a9aeb8}
.scale .opt{position:relative;justify-content:center;min-height:52px;padding:0;border:0}
.scale .opt input{position:absolute;left:0;top:0;width:1px;height:1px;opacity:0;margin:0;pointer-events:none}
.scale .opt span{display:block;width:100%;padding:12px;border:2px solid #c9cdd4;border-radius:10px;text-align:center}
.scale .opt input:checked+span{background:#0b57d0;border-color:#0b57d0;color:#fff}
.scale .opt input:focus+span{outline:3px solid #94bfff}
input[type=text],textarea{width:100%;min-height:48px;padding:10px 12px;border:1px solid #c9cdd4;border-radius:8px;font:inherit;color:inherit;background:#fff}
textarea{min-height:110px;resize:vertical}
textarea.short{min-height:48px;resize:none}
input[readonly]{background:#f2f3f5}
.num{display:flex;align-items:center}.num span{flex:none;margin-left:8px}
.count{text-align:right;color:#4e5969;font-size:14px;margin:4px 0 0}
.msg{color:#d93026;font-size:15px;margin:6px 0 0}.msg:empty{display:none}
.status{min-height:1em;margin:12px 0;white-space:pre-line}.status.bad{color:#d93026}
button{width:100%;min-height:52px;border:0;border-radius:10px;background:#0b57d0;color:#fff;font:inherit;font-size:18px}
button:disabled{background:#8ab4f8}
.done{background:#fff;border-radius:10px;padding:24px 14px;text-align:center}
.done strong{font-size:20px;letter-spacing:1px}
.done button{margin-top:16px;background:#fff;color:#0b57d0;border:1px solid #0b57d0;font-size:16px}
.hp{position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden}`;

/** The public page of one collection point: the form, or why there is none (draft, closed, answered). */
export function renderPublicSurveyPage(input: PublicSurveyPageInput): string {
  const words = WORDS[input.locale];
  const t = (text: Text) => textIn(text, input.locale);
  const head = `<header><h1>${esc(input.title)}</h1><p class="sub">${esc(words.community)}${words.colon}${esc(input.communityName)}</p></header>`;
  const { questionnaire } = input;
  const notice =
    input.status === "draft"
      ? words.draft
      : input.status === "closed"
        ? words.closed
        : input.answered
          ? words.answered
          : null;
  // Without a published questionnaire there is nothing to answer, whatever the status says.
  if (notice !== null || questionnaire === null) {
    const text = notice ?? words.draft;
    return page(input, `${head}<div class="done" role="status"><h2>${esc(text)}</h2></div>`);
  }

  let number = 0;
  const sections = questionnaire.sections
    .map((section) => {
      const items = section.questions.map((question) => {
        number += 1;
        return renderQuestion(question, number, input, words);
      });
      return `<section><h2>${esc(t(section.title))}</h2>${items.join("")}</section>`;
    })
    .join("");
  const personal = questionnaire.personalData
    ? `<p class="card">${esc(words.personalData)}${esc(
        questionnaire.personalData.collects.map((f) => words.fields[f]).join("、"),
      )}<br>${esc(words.personalPurpose)}${esc(questionnaire.personalData.purpose)}</p>`
    : "";
  const access = input.needsAccessCode
    ? `<div class="q" id="survey-access"><label class="qt" for="access-code">${esc(words.accessCode)}<em class="req" title="${esc(words.requiredMark)}">*</em></label><p class="help">${esc(words.accessHelp)}</p><input type="text" id="access-code" name="accessCode" maxlength="12" autocomplete="off" autocapitalize="off" spellcheck="false"><p class="msg"></p></div>`
    : "";
  const config: SurveyClientConfig = {
    endpoint: `/api/public/surveys/${encodeURIComponent(input.token)}/answers`,
    ticketEndpoint: `/api/public/surveys/${encodeURIComponent(input.token)}/ticket`,
    questionnaireVersion: questionnaire.version,
    another: input.another === true,
    locale: input.locale,
    messages: CLIENT_WORDS[input.locale],
  };
  const body = [
    head,
    // What is said before answering; hidden with the form once a receipt shows.
    `<div id="survey-intro">`,
    `<p class="card">${esc(t(questionnaire.intro))}</p>`,
    personal,
    `<p class="note">${esc(words.requiredNote)}</p>`,
    `</div>`,
    `<noscript><p class="card">${esc(words.noscript)}</p></noscript>`,
    `<form id="survey-form" novalidate autocomplete="off">`,
    sections,
    access,
    `<div class="hp" aria-hidden="true"><label>Website <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>`,
    `<input type="hidden" name="ticket" value="${esc(input.ticket)}">`,
    `<p id="survey-status" class="status" aria-live="polite"></p>`,
    `<button type="submit" id="survey-submit" disabled>${esc(CLIENT_WORDS[input.locale].submit)}</button>`,
    `</form>`,
    `<script type="application/json" id="survey-config">${scriptJson(config)}</script>`,
    `<script>${SURVEY_CLIENT_SOURCE}</script>`,
  ];
  return page(input, body.join(""));
}

function page(input: PublicSurveyPageInput, main: string): string {
  return [
    "<!doctype html>",
    `<html lang="${input.locale}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta name="referrer" content="no-referrer">`,
    `<title>${esc(input.title)}</title>`,
    `<style>${STYLE}</style></head>`,
    `<body><main>${main}</main></body></html>`,
  ].join("\n");
}

function renderQuestion(
  question: Question,
  number: number,
  input: PublicSurveyPageInput,
  words: PageWords,
): string {
  const t = (text: Text) => textIn(text, input.locale);
  const id = `q${number}`;
  const attrs: string[] = [
    `class="q"`,
    `id="${id}"`,
    `data-q="${esc(question.key)}"`,
    `data-kind="${question.kind}"`,
  ];
  if (question.required) attrs.push("data-required");
  if (question.showIf) {
    attrs.push(
      `data-show-q="${esc(question.showIf.question)}"`,
      `data-show-any="${esc(JSON.stringify(question.showIf.anyOf))}"`,
      "hidden",
    );
  }
  const mark = question.required ? `<em class="req" title="${esc(words.requiredMark)}">*</em>` : "";
  const title = `${number}. ${esc(t(question.title))}${mark}`;
  const help = question.help ? `<p class="help">${esc(t(question.help))}</p>` : "";
  let label: string;
  let field: string;

  switch (question.kind) {
    case "single":
    case "multiple":
    case "rating": {
      const type = question.kind === "multiple" ? "checkbox" : "radio";
      const options =
        question.kind === "rating"
          ? scaleOf(question).map((o) => ({ key: o.key, label: o.label }))
          : question.options;
      if (question.kind === "multiple" && question.maxChoices !== undefined) {
        attrs.push(`data-max-choices="${question.maxChoices}"`);
      }
      attrs.push(`role="group"`, `aria-labelledby="${id}t"`);
      label = `<p class="qt" id="${id}t">${title}</p>`;
      const upTo =
        question.kind === "multiple" && question.maxChoices !== undefined
          ? `<p class="help">${esc(words.upTo.replace("{n}", String(question.maxChoices)))}</p>`
          : "";
      // A community question with the collection point's name among its options is answered already.
      const fixed =
        question.demographic === "community"
          ? options.find((o) =>
              [o.key, t(o.label), textIn(o.label, "zh-CN")].includes(input.communityName),
            )
          : undefined;
      const state = (key: string) =>
        fixed === undefined ? "" : key === fixed.key ? " checked" : " disabled";
      const list = options
        .map(
          (o) =>
            `<label class="opt"><input type="${type}" name="${id}" value="${esc(o.key)}"${state(o.key)}><span>${esc(t(o.label))}</span></label>`,
        )
        .join("");
      field = `${upTo}<div${question.kind === "rating" ? ` class="scale"` : ""}>${list}</div>`;
      break;
    }
    case "number": {
      if (question.min !== undefined) attrs.push(`data-min="${question.min}"`);
      if (question.max !== undefined) attrs.push(`data-max="${question.max}"`);
      if (question.integer) attrs.push("data-int");
      label = `<label class="qt" for="${id}i">${title}</label>`;
      const unit = question.unit ? `<span>${esc(t(question.unit))}</span>` : "";
      const range =
        question.min !== undefined || question.max !== undefined
          ? `<p class="help">${esc(words.range)}${words.colon}${question.min ?? ""}–${question.max ?? ""}${question.unit ? ` ${esc(t(question.unit))}` : ""}</p>`
          : "";
      field = `${range}<div class="num"><input type="text" id="${id}i" name="${id}" inputmode="decimal" autocomplete="off">${unit}</div>`;
      break;
    }
    case "text": {
      label = `<label class="qt" for="${id}i">${title}</label>`;
      if (question.demographic === "community") {
        field = `<input type="text" id="${id}i" name="${id}" value="${esc(input.communityName)}" readonly>`;
      } else {
        field =
          // A short answer (a building, a number of years) gets a one-line box.
          (question.maxLength <= 50
            ? `<textarea class="short" id="${id}i" name="${id}" maxlength="${question.maxLength}" rows="1"></textarea>`
            : `<textarea id="${id}i" name="${id}" maxlength="${question.maxLength}" rows="3"></textarea>`) +
          `<p class="count"><span data-counter>0/${question.maxLength}</span> ${esc(words.chars)}</p>`;
      }
      break;
    }
  }
  return `<div ${attrs.join(" ")}>${label}${help}${field}<p class="msg"></p></div>`;
}

/** Text for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> element: no "</script>", no "<!--", no line separators that end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The page's Content-Security-Policy: its one inline script and one inline style by their hashes
 * (computed from the exact text the page inlines), answers and tickets to this server, nothing else.
 */
export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SURVEY_CLIENT_SOURCE)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");
