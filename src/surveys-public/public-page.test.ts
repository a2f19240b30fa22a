import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prepareQuestionnaire } from "../domain/surveys/index.ts";
import { template } from "../domain/surveys/test-questionnaires.ts";
import {
  PUBLIC_PAGE_CSP,
  type PublicSurveyPageInput,
  renderPublicSurveyPage,
} from "./public-page.ts";
import { SURVEY_CLIENT_SOURCE } from "./survey-client.ts";

const base: PublicSurveyPageInput = {
  token: "Ab3dEf6hJk",
  title: "2024年西湖区老旧小区改造居民满意度调查",
  communityName: "湖滨小区",
  questionnaire: template,
  status: "open",
  needsAccessCode: false,
  answered: false,
  ticket: "t.1717236000000.c2lnbmF0dXJl",
  locale: "zh-CN",
};
const render = (changes: Partial<PublicSurveyPageInput> = {}) =>
  renderPublicSurveyPage({ ...base, ...changes });

/** The opening tag of the element with this attribute, e.g. one question's container. */
function tagWith(html: string, attribute: string): string {
  const at = html.indexOf(attribute);
  if (at < 0) throw new Error(`no ${attribute}`);
  return html.slice(html.lastIndexOf("<", at), html.indexOf(">", at) + 1);
}

/** One question's markup: from its container to the next question or the end of its section. */
function questionHtml(html: string, key: string): string {
  const start = html.lastIndexOf("<div", html.indexOf(`data-q="${key}"`));
  const next = html.indexOf('<div class="q"', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

describe("renderPublicSurveyPage (the standard questionnaire)", () => {
  const html = render();

  it("is a small HTML5 document for phones that loads nothing else", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(Buffer.byteLength(html, "utf8")).toBeLessThan(40 * 1024);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(/i);
    // One inline style, the config as JSON, and the inline script.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain(SURVEY_CLIENT_SOURCE);
  });

  it("shows the title, the community, the intro and every question before any script runs", () => {
    expect(html).toContain("<title>2024年西湖区老旧小区改造居民满意度调查</title>");
    expect(html).toContain("<h1>2024年西湖区老旧小区改造居民满意度调查</h1>");
    expect(html).toContain("小区：湖滨小区");
    expect(html).toContain("本问卷匿名填写，不收集姓名、电话等个人信息");
    expect(html).not.toContain("本问卷收集的个人信息");
    for (const section of ["基本情况", "总体评价", "分项评价（未涉及的项目可不填）", "意见建议"])
      expect(html).toContain(`<h2>${section}</h2>`);
    const keys = [...html.matchAll(/data-q="([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toEqual(template.sections.flatMap((s) => s.questions.map((q) => q.key)));
    expect(html).toContain("5. 您对本小区改造的总体满意程度");
  });

  it("marks the required questions", () => {
    const required = [...html.matchAll(/data-q="([^"]+)"[^>]*data-required/g)].map((m) => m[1]);
    expect(required).toEqual(["community", "age-band", "tenure", "overall"]);
    expect(html.match(/<em class="req" title="必答">\*<\/em>/g)).toHaveLength(4);
    expect(questionHtml(html, "tenure")).toContain('您是本小区的<em class="req"');
    expect(questionHtml(html, "building")).not.toContain('class="req"');
  });

  it("prefills the community question with the collection point's name, read-only", () => {
    const community = questionHtml(html, "community");
    expect(community).toMatch(/<input type="text" id="q1i" name="q1" value="湖滨小区" readonly>/);
    expect(community).not.toContain("<textarea");
  });

  it("draws ratings as the five-point scale of large radio buttons", () => {
    const overall = questionHtml(html, "overall");
    expect(overall).toContain('class="scale"');
    const options = [...overall.matchAll(/<input type="radio" name="q5" value="([^"]+)">/g)];
    expect(options.map((m) => m[1])).toEqual([
      "very-satisfied",
      "satisfied",
      "basically-satisfied",
      "dissatisfied",
      "very-dissatisfied",
    ]);
    expect(overall).toContain("<span>非常满意</span>");
    expect(html.match(/type="radio"/g)).toHaveLength(9 * 5 + 5 + 3);
  });

  it("hides the follow-up question until its condition holds (skip logic as data)", () => {
    expect(tagWith(html, 'data-q="overall-reason"')).toBe(
      '<div class="q" id="q6" data-q="overall-reason" data-kind="text" ' +
        'data-show-q="overall" data-show-any="[&#34;dissatisfied&#34;,&#34;very-dissatisfied&#34;]" hidden>',
    );
  });

  it("limits multiple choice and counts the characters of free text", () => {
    const improve = questionHtml(html, "improve");
    expect(tagWith(improve, 'data-q="improve"')).toContain('data-max-choices="3"');
    expect(improve.match(/type="checkbox"/g)).toHaveLength(9);
    expect(improve).toContain("最多选 3 项");
    const suggestion = questionHtml(html, "suggestion");
    expect(suggestion).toContain('<textarea id="q16i" name="q16" maxlength="300" rows="3">');
    expect(suggestion).toContain("<span data-counter>0/300</span> 字");
    expect(questionHtml(html, "building")).toContain('maxlength="20"');
  });

  it("has a honeypot hidden from people, the ticket, and no access code field when none is needed", () => {
    expect(tagWith(html, 'class="hp"')).toBe('<div class="hp" aria-hidden="true">');
    expect(tagWith(html, 'name="website"')).toBe(
      '<input type="text" name="website" tabindex="-1" autocomplete="off">',
    );
    expect(html).toMatch(/\.hp\{position:absolute;left:-10000px/);
    expect(html).toContain(
      '<input type="hidden" name="ticket" value="t.1717236000000.c2lnbmF0dXJl">',
    );
    expect(html).not.toContain('name="accessCode"');
  });

  it("tells the script where to post, in which version and language", () => {
    const json = html.match(/<script type="application\/json" id="survey-config">(.*?)<\/script>/);
    const config = JSON.parse(json?.[1] ?? "null");
    expect(config).toMatchObject({
      endpoint: "/api/public/surveys/Ab3dEf6hJk/answers",
      ticketEndpoint: "/api/public/surveys/Ab3dEf6hJk/ticket",
      questionnaireVersion: 1,
      locale: "zh-CN",
    });
    expect(config.messages.success).toBe("提交成功，感谢您的参与");
  });

  it("asks for the access code when the collection point has one", () => {
    const page = render({ needsAccessCode: true });
    expect(page).toContain('<div class="q" id="survey-access">');
    expect(tagWith(page, 'name="accessCode"')).toContain('autocomplete="off"');
  });
});

describe("renderPublicSurveyPage: the receipt's offer of another questionnaire", () => {
  /** The page's `#survey-config` JSON, as its script reads it. */
  const configOf = (html: string) =>
    JSON.parse(
      html.slice(
        html.indexOf('id="survey-config">') + 'id="survey-config">'.length,
        html.indexOf("</script>", html.indexOf('id="survey-config">')),
      ),
    ) as { another: boolean; messages: { another: string } };

  it("offers none by default: a resident's own phone counts once", () => {
    expect(configOf(render()).another).toBe(false);
    expect(configOf(render({ another: false })).another).toBe(false);
  });

  it("offers it on a shared device (the survey allows one device to answer for several residents)", () => {
    const config = configOf(render({ another: true }));
    expect(config.another).toBe(true);
    expect(config.messages.another).toBe("再填写一份（如现场代他人填写）");
  });

  it("keeps the required-question note with the intro, which the script hides on the receipt", () => {
    const html = render();
    const intro = html.slice(html.indexOf('<div id="survey-intro">'), html.indexOf("<noscript>"));
    expect(intro).toContain("带 * 的为必答题");
    expect(intro).toContain("本问卷匿名填写");
    expect(intro.endsWith("</div>")).toBe(true);
    expect(html.split("带 * 的为必答题")).toHaveLength(2);
    // The script hides the intro with the form when the receipt shows, and offers another only if allowed.
    expect(SURVEY_CLIENT_SOURCE).toContain("if (intro) intro.hidden = true;");
    expect(SURVEY_CLIENT_SOURCE).toContain("if (config.another) {");
  });
});

describe("renderPublicSurveyPage without a form", () => {
  it("says a closed survey has ended", () => {
    const page = render({ status: "closed" });
    expect(page).toContain("本次调查已结束");
    expect(page).toContain("<h1>2024年西湖区老旧小区改造居民满意度调查</h1>");
    expect(page).not.toContain("<form");
    expect(page).not.toContain("<script");
  });

  it("says a draft is not published, even to a device that answered another version", () => {
    const page = render({ status: "draft", answered: true });
    expect(page).toContain("问卷尚未发布");
    expect(page).not.toContain("<form");
  });

  it("thanks a device that has answered already", () => {
    const page = render({ answered: true });
    expect(page).toContain("本设备已提交过本问卷，感谢您的参与");
    expect(page).not.toContain("<form");
    expect(page).not.toContain('data-q="');
  });

  it("says a survey without a published questionnaire is not published", () => {
    const page = render({ questionnaire: null });
    expect(page).toContain("问卷尚未发布");
    expect(page).not.toContain("<form");
  });

  it("closes before it thanks", () => {
    expect(render({ status: "closed", answered: true })).toContain("本次调查已结束");
  });
});

describe("renderPublicSurveyPage escapes whatever users wrote", () => {
  const evil = '<script>alert("x")</script>';
  const questionnaire = prepareQuestionnaire({
    code: "evil",
    title: "t",
    intro: `</script><img src=x onerror=alert(1)> & ${evil}`,
    version: 3,
    personalData: { collects: ["phone"], purpose: `回访<b>整改</b>情况 ${evil}` },
    sections: [
      {
        key: "s",
        title: `第一部分 ${evil}`,
        questions: [
          {
            key: "community",
            kind: "single",
            title: "小区",
            demographic: "community",
            required: true,
            options: [
              { key: "a", label: '东苑"小区' },
              { key: "b", label: "西苑" },
            ],
          },
          { key: "overall", kind: "rating", title: `总体 ${evil}`, help: `说明 ${evil}` },
          {
            key: "phone",
            kind: "text",
            title: "联系电话",
            personal: "phone",
            maxLength: 20,
          },
          {
            key: "area",
            kind: "number",
            title: "住房面积",
            min: 10,
            max: 500,
            unit: { "zh-CN": "平方米", "en-US": "m²" },
            showIf: { question: "overall", anyOf: ["satisfied"] },
          },
        ],
      },
    ],
    satisfaction: { questions: ["overall"], method: "share", overall: "overall" },
  });
  const page = render({
    title: `调查 ${evil}`,
    communityName: '东苑"小区',
    ticket: '"><script>alert(2)</script>',
    questionnaire,
  });

  it("writes every text as text", () => {
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<b>");
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain(
      "<title>调查 &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</title>",
    );
    expect(page).toContain("&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62; &#38; ");
    expect(page).toContain('value="&#34;&#62;&#60;script&#62;alert(2)&#60;/script&#62;"');
    expect(page).toContain("小区：东苑&#34;小区");
  });

  it("states the personal data it collects and why", () => {
    expect(page).toContain(
      "本问卷收集的个人信息：电话<br>用途：回访&#60;b&#62;整改&#60;/b&#62;情况",
    );
  });

  it("answers a community choice question with the collection point and locks the others", () => {
    const community = questionHtml(page, "community");
    expect(community).toContain('value="a" checked><span>东苑&#34;小区</span>');
    expect(community).toContain('value="b" disabled><span>西苑</span>');
  });

  it("asks numbers with a decimal keyboard, their range and unit", () => {
    const area = questionHtml(page, "area");
    expect(tagWith(area, 'data-q="area"')).toContain('data-min="10" data-max="500"');
    expect(area).toContain('inputmode="decimal"');
    expect(area).toContain("填写范围：10–500 平方米");
    expect(area).toContain("<span>平方米</span>");
  });

  it("speaks English when asked", () => {
    const english = render({ locale: "en-US", questionnaire, communityName: "East" });
    expect(english).toContain('<html lang="en-US">');
    expect(english).toContain("Community: East");
    expect(english).toContain("<span>m²</span>");
    expect(english).toContain("<span>Very satisfied</span>");
    expect(english).toContain("Personal data this questionnaire collects: phone");
    expect(render({ locale: "en-US", status: "closed" })).toContain("This survey has ended");
  });
});

describe("the page's Content-Security-Policy", () => {
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("allows exactly the inline script and style of every kind of page, by hash", () => {
    const script = `script-src ${hash(SURVEY_CLIENT_SOURCE)}`;
    expect(PUBLIC_PAGE_CSP.split("; ")).toContain(script);
    expect(PUBLIC_PAGE_CSP).not.toMatch(/unsafe|nonce|\*/);
    for (const page of [render(), render({ status: "closed" }), render({ locale: "en-US" })]) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
      expect(PUBLIC_PAGE_CSP.split("; ")).toContain(`style-src ${hash(style)}`);
      // The only executed script is the client, inlined as it is hashed; no handler attributes.
      for (const [, text] of page.matchAll(/<script>([\s\S]*?)<\/script>/g))
        expect(hash(text ?? "")).toBe(hash(SURVEY_CLIENT_SOURCE));
      expect(page).not.toMatch(/\son[a-z]+=|\sstyle=/);
    }
  });
});

describe("the survey script", () => {
  it("is ES2017 without modules: no optional chaining, nullish merging, spread objects or imports", () => {
    expect(SURVEY_CLIENT_SOURCE).not.toMatch(/\?\.|\?\?|\.\.\.|\bimport\b|\bexport\b/);
    // The phone's clock is not asked: the server measures from the ticket.
    expect(SURVEY_CLIENT_SOURCE).not.toMatch(/startedAt|submittedAt/);
    expect(() => new Function(SURVEY_CLIENT_SOURCE)).not.toThrow();
  });
});
