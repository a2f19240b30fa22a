/**
 * The script of the public survey page, inlined as text: plain ES2017 without modules or
 * dependencies, so that old Android WebViews and WeChat run it. It reads its settings and words from
 * the page's `#survey-config` JSON and works on the server-rendered form (`[data-q]` questions).
 */

/** Settings and words the page gives the script (in the page's language). */
export interface SurveyClientConfig {
  /** Where answers are posted: /api/public/surveys/{token}/answers. */
  endpoint: string;
  /** Where a fresh ticket comes from for another questionnaire: /api/public/surveys/{token}/ticket. */
  ticketEndpoint: string;
  questionnaireVersion: number;
  /** The receipt offers another questionnaire (a shared device at a collection point). */
  another: boolean;
  locale: "zh-CN" | "en-US";
  messages: SurveyClientMessages;
}

export interface SurveyClientMessages {
  required: string;
  /** `{count}`: how many questions need attention. */
  fix: string;
  notNumber: string;
  notInteger: string;
  /** `{min}` */
  belowMin: string;
  /** `{max}` */
  aboveMax: string;
  accessCode: string;
  sending: string;
  submit: string;
  success: string;
  receipt: string;
  network: string;
  /** `{status}` */
  failed: string;
  checkAnswer: string;
  /** The button after a receipt that starts another questionnaire on the same page. */
  another: string;
}

// String.raw keeps the regular expressions' backslashes; the script must hold no backtick or ${.
// Being inlined text that imports nothing, it has its own fill(): survey-client.test.ts holds it to
// the one of domain/bilingual.ts.
export const SURVEY_CLIENT_SOURCE = String.raw`(function () {
  "use strict";
  var configNode = document.getElementById("survey-config");
  var form = document.getElementById("survey-form");
  if (!configNode || !form) return;
  var config = JSON.parse(configNode.textContent);
  var M = config.messages;
  var questions = [].slice.call(form.querySelectorAll("[data-q]"));
  var statusNode = document.getElementById("survey-status");
  var button = document.getElementById("survey-submit");
  var accessNode = document.getElementById("survey-access");
  var intro = document.getElementById("survey-intro");
  var sending = false;

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return params[name] === undefined ? all : String(params[name]);
    });
  }
  function fields(q) {
    return [].slice.call(q.querySelectorAll("input,textarea"));
  }
  function byKey(key) {
    for (var i = 0; i < questions.length; i += 1) {
      if (questions[i].getAttribute("data-q") === key) return questions[i];
    }
    return null;
  }
  function questionOf(node) {
    while (node && node !== form) {
      if (node.hasAttribute && node.hasAttribute("data-q")) return node;
      node = node.parentNode;
    }
    return null;
  }
  // Full-width digits and the Chinese full stop, as Chinese keyboards type them.
  function asciiNumber(text) {
    return text
      .replace(/[\uff10-\uff19]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/[\uff0e\u3002]/g, ".")
      .replace(/\uff0d/g, "-");
  }
  function valueOf(q) {
    var kind = q.getAttribute("data-kind");
    var list = fields(q);
    var i;
    if (kind === "single" || kind === "rating") {
      for (i = 0; i < list.length; i += 1) if (list[i].checked) return list[i].value;
      return undefined;
    }
    if (kind === "multiple") {
      var chosen = [];
      for (i = 0; i < list.length; i += 1) if (list[i].checked) chosen.push(list[i].value);
      return chosen.length > 0 ? chosen : undefined;
    }
    var text = list[0] ? list[0].value.trim() : "";
    if (kind === "number") text = asciiNumber(text);
    return text === "" ? undefined : text;
  }
  function clear(q) {
    fields(q).forEach(function (field) {
      if (field.type === "radio" || field.type === "checkbox") field.checked = false;
      else if (!field.readOnly) field.value = "";
      field.disabled = false;
    });
    count(q);
  }
  function count(q) {
    var counter = q.querySelector("[data-counter]");
    var area = q.querySelector("textarea");
    // Code units, as maxlength counts them: the counter stops where typing stops.
    if (counter && area) counter.textContent = area.value.length + "/" + area.maxLength;
  }
  function limit(q) {
    var max = Number(q.getAttribute("data-max-choices"));
    if (!max) return;
    var boxes = fields(q);
    var ticked = boxes.filter(function (box) {
      return box.checked;
    }).length;
    boxes.forEach(function (box) {
      box.disabled = !box.checked && ticked >= max;
    });
  }
  function mark(q, text) {
    q.classList.add("bad");
    var note = q.querySelector(".msg");
    if (note) note.textContent = text;
  }
  function unmark(q) {
    q.classList.remove("bad");
    var note = q.querySelector(".msg");
    if (note) note.textContent = "";
  }
  // Skip logic: a question whose condition fails is hidden and loses its answer, in page order so
  // that hiding one question can hide those that depend on it.
  function applySkips() {
    questions.forEach(function (q) {
      var on = q.getAttribute("data-show-q");
      if (!on) return;
      var source = byKey(on);
      var anyOf = JSON.parse(q.getAttribute("data-show-any") || "[]");
      var value = source && !source.hidden ? valueOf(source) : undefined;
      var keys = value === undefined ? [] : Array.isArray(value) ? value : [value];
      var shown = keys.some(function (key) {
        return anyOf.indexOf(key) >= 0;
      });
      if (!shown) {
        if (!q.hidden) clear(q);
        unmark(q);
      }
      q.hidden = !shown;
    });
  }
  function say(text, bad) {
    statusNode.textContent = text;
    statusNode.className = bad ? "status bad" : "status";
  }
  function focusOn(node) {
    node.scrollIntoView(true);
    var field = node.querySelector("input:not([disabled]),textarea");
    if (field && field.focus) field.focus();
  }
  function numberProblem(q, text) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) return M.notNumber;
    if (q.hasAttribute("data-int") && text.indexOf(".") >= 0) return M.notInteger;
    var min = q.getAttribute("data-min");
    var max = q.getAttribute("data-max");
    if (min !== null && Number(text) < Number(min)) return fill(M.belowMin, { min: min });
    if (max !== null && Number(text) > Number(max)) return fill(M.aboveMax, { max: max });
    return null;
  }
  // "answers.overall" or 'answers["age-band"]', as the server names a question in its problems.
  function keyOfPath(path) {
    var m = /^answers(?:\.([^.[]+)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
    if (!m) return null;
    return m[1] !== undefined ? m[1] : JSON.parse(m[2]);
  }
  function markIssues(issues, message) {
    var lines = String(message || "").split("\n");
    var first = null;
    issues.forEach(function (issue) {
      var key = keyOfPath(String(issue.path || ""));
      var q = key === null ? null : byKey(key);
      if (!q) return;
      var text = M.checkAnswer;
      lines.forEach(function (line) {
        var at = line.indexOf(issue.path + ": ");
        if (at >= 0) text = line.slice(at + issue.path.length + 2);
      });
      mark(q, text);
      if (!first) first = q;
    });
    if (first) focusOn(first);
  }
  // The form stays in the page, hidden, so that another questionnaire can start from it.
  function finish(receipt) {
    var done = document.createElement("div");
    done.className = "done";
    done.setAttribute("role", "status");
    var head = document.createElement("h2");
    head.textContent = M.success;
    done.appendChild(head);
    if (receipt) {
      var line = document.createElement("p");
      line.appendChild(document.createTextNode(M.receipt));
      var code = document.createElement("strong");
      code.id = "survey-receipt";
      code.textContent = receipt;
      line.appendChild(code);
      done.appendChild(line);
    }
    if (config.another) {
      var again = document.createElement("button");
      again.type = "button";
      again.id = "survey-another";
      again.textContent = M.another;
      var note = document.createElement("p");
      note.className = "status bad";
      again.addEventListener("click", function () {
        another(done, again, note);
      });
      done.appendChild(again);
      done.appendChild(note);
    }
    if (intro) intro.hidden = true;
    form.hidden = true;
    form.parentNode.insertBefore(done, form);
    window.scrollTo(0, 0);
  }
  // Each answer needs a ticket of its own: a fresh one, then the same form, emptied.
  async function another(done, again, note) {
    again.disabled = true;
    note.textContent = "";
    var data = null;
    var status = 0;
    try {
      var response = await fetch(config.ticketEndpoint, {
        credentials: "same-origin",
        headers: { "Accept-Language": config.locale, Accept: "application/json" },
      });
      status = response.status;
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (status !== 200 || !data || !data.ticket) {
      again.disabled = false;
      var error = data && data.error;
      note.textContent =
        status === 0 ? M.network : error && error.message ? error.message : fill(M.failed, { status: status });
      return;
    }
    var code = accessNode ? fields(accessNode)[0].value : "";
    form.reset();
    if (accessNode) fields(accessNode)[0].value = code;
    form.elements.ticket.value = data.ticket;
    questions.forEach(function (q) {
      unmark(q);
      count(q);
      limit(q);
    });
    applySkips();
    say("", false);
    ready();
    done.parentNode.removeChild(done);
    if (intro) intro.hidden = false;
    form.hidden = false;
    window.scrollTo(0, 0);
  }
  function ready() {
    sending = false;
    button.disabled = false;
    button.textContent = M.submit;
  }
  function collect() {
    var answers = {};
    var first = null;
    var problems = 0;
    questions.forEach(function (q) {
      unmark(q);
      if (q.hidden) return;
      var value = valueOf(q);
      var problem = null;
      if (value === undefined) {
        if (q.hasAttribute("data-required")) problem = M.required;
      } else if (q.getAttribute("data-kind") === "number") {
        problem = numberProblem(q, value);
      }
      if (problem) {
        mark(q, problem);
        problems += 1;
        if (!first) first = q;
      } else if (value !== undefined) {
        answers[q.getAttribute("data-q")] = value;
      }
    });
    if (accessNode) {
      unmark(accessNode);
      if (fields(accessNode)[0].value.trim() === "") {
        mark(accessNode, M.accessCode);
        problems += 1;
        if (!first) first = accessNode;
      }
    }
    if (first) {
      say(fill(M.fix, { count: problems }), true);
      focusOn(first);
      return null;
    }
    return answers;
  }
  async function send() {
    if (sending) return;
    applySkips();
    var answers = collect();
    if (!answers) return;
    // No times: the server measures from the ticket's issue time to its own clock.
    var body = {
      questionnaireVersion: config.questionnaireVersion,
      answers: answers,
      honeypot: form.elements.website.value,
      ticket: form.elements.ticket.value,
    };
    if (accessNode) body.accessCode = fields(accessNode)[0].value.trim();
    sending = true;
    button.disabled = true;
    button.textContent = M.sending;
    say("", false);
    var response;
    try {
      response = await fetch(config.endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "Accept-Language": config.locale,
          Accept: "application/json",
        },
        body: JSON.stringify(body),
      });
    } catch (err) {
      ready();
      say(M.network, true);
      return;
    }
    var data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (response.status === 201) {
      finish(data && data.receipt);
      return;
    }
    ready();
    var error = data && data.error;
    say(error && error.message ? error.message : fill(M.failed, { status: response.status }), true);
    if (error && error.code === "survey.answer_invalid" && error.details && error.details.issues) {
      markIssues(error.details.issues, error.message);
    } else if (error && error.code === "survey.access_code" && accessNode) {
      mark(accessNode, error.message);
      focusOn(accessNode);
    }
  }

  form.addEventListener("change", function (event) {
    var q = questionOf(event.target);
    if (q) {
      unmark(q);
      limit(q);
    }
    applySkips();
  });
  form.addEventListener("input", function (event) {
    var q = questionOf(event.target);
    if (q) count(q);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send();
  });
  // A page restored from history keeps its ticks: show and limit as they say.
  questions.forEach(function (q) {
    count(q);
    limit(q);
  });
  applySkips();
  button.disabled = false;
})();`;
