/**
 * One evaluation sheet: every indicator with its criteria and figures (from the data, with their
 * source, or entered), its score and reason from the engine, live as the user types (the engine
 * runs in the browser); save with the version; submit, return, approve after a confirmation that
 * says what is still missing.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type {
  SheetDetailT,
  SheetEntryT,
  SheetFormItemT,
} from "../../../../src/shared/evaluation-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { evaluationApi } from "../../api/evaluation-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { gradeText } from "../../format/grade.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { STATUS_COLOR } from "./evaluation-task-page.tsx";
import { EvidencePanel } from "./evidence-panel.tsx";
import { FactsEditor, type RuleShape, withUntickedItems } from "./facts-editor.tsx";
import { liveScore, readFramework } from "./sheet-live-score.ts";

type Entries = Record<string, SheetEntryT>;

/** Drops blank inputs: an indicator with nothing entered stays pending instead of invalid. */
function cleaned(entries: Entries): Entries {
  const strip = (v: unknown): unknown => {
    if (v === "" || v === undefined) return undefined;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const s = strip(x);
        if (s !== undefined) out[k] = s;
      }
      return Object.keys(out).length === 0 ? undefined : out;
    }
    return v;
  };
  const out: Entries = {};
  for (const [code, entry] of Object.entries(entries)) {
    const e = strip(entry) as SheetEntryT | undefined;
    if (e && (e.facts || e.missing || e.reason)) out[code] = e;
  }
  return out;
}

/** The entries as saved and scored: blanks dropped, a touched checklist's unticked items false. */
function prepared(entries: Entries, form: readonly SheetFormItemT[]): Entries {
  const out = cleaned(entries);
  for (const item of form) {
    const entry = out[item.code];
    const rule = item.rule as RuleShape | null;
    if (!entry || !rule) continue;
    const answered = (entry.reason ?? "").trim() !== "";
    const facts = withUntickedItems(
      rule,
      entry.facts as Record<string, unknown> | undefined,
      answered,
    );
    if (facts !== undefined) out[item.code] = { ...entry, facts };
  }
  return out;
}

/** The criteria in the page's language (the framework gives them in Chinese; English if given). */
function criteriaText(item: SheetFormItemT, locale: string): string | null {
  return locale === "en-US" && item.criteriaEn ? item.criteriaEn : item.criteria;
}

export function EvaluationSheetPage() {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  // A phone gets one card per indicator instead of a table that scrolls sideways.
  const narrow = !Grid.useBreakpoint().md;
  const id = Number(useParams().id);
  const load = useCallback(() => evaluationApi.sheet(id), [id]);
  const sheet = useRemote(load);
  const data = sheet.data;
  const [entries, setEntries] = useState<Entries>({});
  const [mode, setMode] = useState<"on-site" | "off-site" | null>(null);
  const [visitNotes, setVisitNotes] = useState("");
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  // Busy until the sheet is read again after a change: an action sent before the reload would carry
  // the old version (and, for a submit, save the old entries over the new ones) and be refused.
  const busy = working || sheet.loading;
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");

  // The form takes each sheet the server sends while rendering it, not in an effect after the
  // paint: an effect ran after the inputs were shown, and on a busy machine a comment typed in
  // between was wiped, so 退回 then asked for a comment the reviewer had written (a CI run).
  const [shown, setShown] = useState<typeof data>(undefined);
  if (data && data !== shown) {
    setShown(data);
    setEntries(data.entries as Entries);
    setMode(data.mode);
    setVisitNotes(data.visitNotes ?? "");
    setComments({});
  }

  const canSave = data?.actions.includes("save") ?? false;
  const reviewing = data?.actions.includes("return") ?? false;
  const bound = new Map((data?.bound ?? []).map((b) => [b.code, b]));
  const unbound = new Map((data?.unbound ?? []).map((b) => [b.code, b]));
  const scored = new Map((data?.scorecard.indicators ?? []).map((i) => [i.code, i]));
  const framework = useMemo(() => (data ? readFramework(data.framework) : null), [data]);
  const form = useMemo(() => data?.form ?? [], [data]);
  const toSave = useMemo(() => prepared(entries, form), [entries, form]);
  // The engine in the browser: every keystroke rescored, the reasons in the page's language.
  const live = useMemo(
    () => (framework && data ? liveScore(framework, toSave, data.bound, locale) : null),
    [framework, toSave, data, locale],
  );
  const dirty =
    data !== null &&
    data !== undefined &&
    (JSON.stringify(toSave) !== JSON.stringify(prepared(data.entries as Entries, form)) ||
      mode !== data.mode ||
      visitNotes.trim() !== (data.visitNotes ?? ""));
  const criteriaOf = (item: SheetFormItemT) => criteriaText(item, locale);
  const nameOf = (code: string) => {
    const item = form.find((f) => f.code === code);
    return item ? `${code} ${locale === "zh-CN" ? item.name : item.nameEn}` : code;
  };
  const names = (codes: readonly string[]) =>
    codes.map(nameOf).join(locale === "zh-CN" ? "、" : "; ");
  const pending = live?.pending ?? data?.pending ?? [];
  const incomplete = new Set(live?.incomplete ?? data?.incomplete ?? []);
  const reasonsMissing = live?.reasonsMissing ?? data?.reasonsMissing ?? [];
  /** Indicators entered by hand that lost points and have no reason written. */
  const deductionsWithoutReason = form
    .filter((item) => {
      if (bound.has(item.code) && !item.dataPart) return false;
      if (pending.includes(item.code)) return false;
      const s = live?.indicators.get(item.code);
      const lost = s ? Number(s.score) < Number(s.points) : false;
      return lost && !(toSave[item.code]?.reason ?? "").trim();
    })
    .map((item) => item.code);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setWorking(true);
    setError(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      sheet.reload();
    } catch (err) {
      // The edits stay on the page: a conflict or a refusal loses nothing.
      setError(errorMessage(err, t));
    } finally {
      setWorking(false);
    }
  };
  const saveNow = async () =>
    evaluationApi.saveSheet(id, {
      version: data?.version ?? 0,
      entries: toSave,
      mode,
      visitNotes: visitNotes.trim() === "" ? null : visitNotes.trim(),
    });
  const save = () => run(saveNow, t("eval.saved"));
  const act = (
    action: "submit" | "return" | "approve" | "reopen",
    extra: { comments?: Record<string, string>; reason?: string } = {},
  ) =>
    run(
      async () => {
        // Submitting with unsaved edits saves them first (the dialog said so).
        const version = action === "submit" && dirty ? (await saveNow()).version : data?.version;
        return evaluationApi.act(id, { action, version: version ?? 0, ...extra });
      },
      t(`eval.done.${action}`),
    );

  /** What is still missing, as the confirmations list it: evidence, reasons, incomplete indicators. */
  const missingLines = async (forSubmit: boolean): Promise<ReactNode[]> => {
    const lines: ReactNode[] = [];
    /** One line of the confirmation as an alert; its key names its test id too. */
    const alert = (key: string, type: "error" | "warning", title: string) => (
      <Alert key={key} type={type} showIcon title={title} data-testid={`confirm-${key}`} />
    );
    if (forSubmit && pending.length > 0) {
      lines.push(
        alert(
          "incomplete",
          "error",
          t("sheet.confirm.incomplete", { count: pending.length, names: names(pending) }),
        ),
      );
    }
    try {
      const evidence = await evaluationApi.evidence(id);
      const all = evidence.checklist.length;
      lines.push(
        evidence.missing.length > 0 ? (
          alert(
            "evidence",
            "warning",
            t("sheet.confirm.noEvidence", {
              all,
              count: evidence.missing.length,
              names: names(evidence.missing),
            }),
          )
        ) : (
          <Typography.Paragraph key="evidence" data-testid="confirm-evidence">
            {t("sheet.confirm.allEvidence", { all })}
          </Typography.Paragraph>
        ),
      );
    } catch {
      // The evidence list is a courtesy here: the action itself does not depend on it.
    }
    const noReason = [...new Set([...reasonsMissing, ...deductionsWithoutReason])];
    if (noReason.length > 0) {
      lines.push(
        alert(
          "reasons",
          "warning",
          t("sheet.confirm.noReason", { count: noReason.length, names: names(noReason) }),
        ),
      );
    }
    if (forSubmit && dirty) {
      lines.push(
        <Typography.Paragraph key="dirty">{t("sheet.confirm.savesFirst")}</Typography.Paragraph>,
      );
    }
    return lines;
  };
  const body = (intro: string, lines: ReactNode[]) => (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="confirm-body">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{intro}</Typography.Paragraph>
      {lines}
    </Space>
  );
  const confirmSubmit = async () => {
    const lines = await missingLines(true);
    modal.confirm({
      title: t("sheet.confirm.submit"),
      content: body(t("sheet.confirm.submitBody"), lines),
      okText: t("eval.submit"),
      width: 560,
      onOk: () => act("submit"),
    });
  };
  const confirmApprove = async () => {
    const lines = await missingLines(false);
    modal.confirm({
      title: t("sheet.confirm.approve"),
      content: body(
        t("sheet.confirm.approveBody", { score: live?.total ?? data?.scorecard.total ?? "" }),
        lines,
      ),
      okText: t("eval.approve"),
      width: 560,
      onOk: () => act("approve"),
    });
  };
  const confirmReturn = () => {
    const given = Object.fromEntries(
      Object.entries(comments)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ""),
    );
    const count = Object.keys(given).length;
    if (count === 0) {
      modal.warning({
        title: t("sheet.confirm.returnNeedsComment"),
        content: t("sheet.confirm.returnNeedsCommentBody"),
      });
      return;
    }
    modal.confirm({
      title: t("sheet.confirm.return"),
      content: t("sheet.confirm.returnBody", { count }),
      okText: t("eval.return"),
      okButtonProps: { danger: true },
      onOk: () => act("return", { comments: given }),
    });
  };

  const columns = [
    {
      title: t("eval.indicator"),
      key: "name",
      width: 260,
      render: (_: unknown, item: SheetFormItemT) => (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
            {item.group}
          </Typography.Text>
          {item.code} {locale === "zh-CN" ? item.name : item.nameEn}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {t("eval.points", { points: item.points })}
          </Typography.Text>
          {criteriaOf(item) && (
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, marginBottom: 0, marginTop: 4 }}
              ellipsis={{ rows: 2, expandable: "collapsible" }}
              data-testid={`criteria-${item.code}`}
            >
              {t("sheet.criteria", { text: criteriaOf(item) ?? "" })}
            </Typography.Paragraph>
          )}
        </span>
      ),
    },
    {
      title: t("eval.figures"),
      key: "facts",
      width: 460,
      render: (_: unknown, item: SheetFormItemT) => {
        const source = bound.get(item.code);
        const entry = entries[item.code] ?? {};
        const rule = item.rule as RuleShape | null;
        const showEditor = rule && (!source || item.dataPart);
        return (
          <Space direction="vertical" size={4} style={{ width: "100%" }}>
            {source && (
              <Tag
                color="blue"
                data-testid={`source-${item.code}`}
                style={{ whiteSpace: "normal" }}
              >
                {t("eval.fromData")}：{locale === "zh-CN" ? source.source.zh : source.source.en}
              </Tag>
            )}
            {!source && unbound.get(item.code) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {locale === "zh-CN"
                  ? unbound.get(item.code)?.missing.zh
                  : unbound.get(item.code)?.missing.en}
              </Typography.Text>
            )}
            {showEditor && (
              <FactsEditor
                rule={rule}
                value={entry.facts as Record<string, unknown> | undefined}
                disabled={!canSave}
                hidePart={source ? item.dataPart : null}
                onChange={(facts) => setEntries({ ...entries, [item.code]: { ...entry, facts } })}
                testId={`facts-${item.code}`}
              />
            )}
            {showEditor && (
              <Input.TextArea
                rows={1}
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={t("eval.reasonPlaceholder")}
                value={entry.reason ?? ""}
                disabled={!canSave}
                status={data?.reasonsMissing.includes(item.code) ? "warning" : undefined}
                onChange={(e) =>
                  setEntries({ ...entries, [item.code]: { ...entry, reason: e.target.value } })
                }
                data-testid={`reason-${item.code}`}
              />
            )}
            {data?.comments[item.code] && (
              <Alert type="warning" showIcon title={data.comments[item.code]} />
            )}
            {reviewing && (
              <Input
                size="small"
                placeholder={t("eval.commentPlaceholder")}
                value={comments[item.code] ?? ""}
                onChange={(e) => setComments({ ...comments, [item.code]: e.target.value })}
                data-testid={`comment-${item.code}`}
              />
            )}
          </Space>
        );
      },
    },
    {
      title: t("eval.score"),
      key: "score",
      width: 300,
      render: (_: unknown, item: SheetFormItemT) => {
        const fromLive = live?.indicators.get(item.code);
        const s = fromLive ?? scored.get(item.code);
        const isPending = pending.includes(item.code);
        const bad = live?.invalid.get(item.code);
        const problem = bad?.problems.map((p) => (locale === "zh-CN" ? p.zh : p.en)).join("; ");
        return (
          <span
            data-testid={`score-${item.code}`}
            style={{ display: "block", whiteSpace: "normal" }}
          >
            <Typography.Text strong>{isPending ? "—" : s?.score}</Typography.Text>
            {bad ? (
              <Typography.Text type="danger" style={{ display: "block", fontSize: 12 }}>
                {t("sheet.invalid", { problem: problem ?? "" })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {isPending
                  ? incomplete.has(item.code)
                    ? t("sheet.incomplete")
                    : t("sheet.notEntered")
                  : s?.reason}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
  ];

  const leafCount = live?.leafCount ?? form.length;
  const done = live?.scoredCount ?? leafCount - pending.length;
  const totalText =
    done === 0
      ? t("sheet.totalBlank")
      : pending.length > 0
        ? t("sheet.totalPartial", {
            score: live?.total ?? data?.scorecard.total ?? "",
            done,
            all: leafCount,
          })
        : t("sheet.totalFull", {
            score: live?.total ?? data?.scorecard.total ?? "",
            grade: gradeText(live?.grade ?? data?.scorecard.grade, t),
          });

  return (
    <Card
      title={data ? `${data.region.name} · ${data.task.name}` : t("eval.title")}
      loading={sheet.loading && !data}
      extra={data && <Link to={`/evaluations/${data.task.id}`}>{t("eval.backToTask")}</Link>}
    >
      <ErrorAlert message={sheet.error === undefined ? null : errorMessage(sheet.error, t)} />
      <ErrorAlert message={error} data-testid="sheet-error" />
      {notice && (
        <Alert
          type="success"
          showIcon
          title={notice}
          style={{ marginBottom: 16 }}
          data-testid="sheet-notice"
        />
      )}
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("eval.status")}>
              <Tag color={STATUS_COLOR[data.status]} data-testid="sheet-status">
                {t(`eval.status.${data.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.total")}>
              <span data-testid="sheet-total">{totalText}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.version")}>{data.version}</Descriptions.Item>
            <Descriptions.Item label={t("eval.mode")}>
              <Select
                size="small"
                style={{ width: 120 }}
                value={mode ?? undefined}
                disabled={!canSave}
                allowClear
                onChange={(v) => setMode(v ?? null)}
                options={[
                  { value: "off-site", label: t("eval.mode.off-site") },
                  { value: "on-site", label: t("eval.mode.on-site") },
                ]}
              />
            </Descriptions.Item>
          </Descriptions>
          {(mode === "on-site" || visitNotes !== "") && (
            <Input.TextArea
              value={visitNotes}
              onChange={(e) => setVisitNotes(e.target.value)}
              disabled={!canSave}
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t("eval.visitNotesHint")}
              aria-label={t("eval.visitNotes")}
              data-testid="sheet-visit-notes"
              style={{ marginBottom: 12 }}
            />
          )}
          {data.comments[""] && (
            <Alert type="warning" showIcon title={data.comments[""]} style={{ marginBottom: 12 }} />
          )}
          {pending.length > 0 && (
            <Typography.Paragraph type="secondary" data-testid="sheet-pending">
              {t("sheet.pendingList", { count: pending.length, names: names(pending) })}
            </Typography.Paragraph>
          )}
          {canSave && live && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t("sheet.live")}
              {dirty && (
                <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="sheet-dirty">
                  {t("sheet.unsaved")}
                </Tag>
              )}
            </Typography.Paragraph>
          )}
          <Space wrap style={{ marginBottom: 12 }}>
            {canSave && (
              <Button type="primary" onClick={save} loading={busy} data-testid="sheet-save">
                {t("common.save")}
              </Button>
            )}
            {data.actions.includes("submit") && (
              <Button onClick={confirmSubmit} loading={busy} data-testid="sheet-submit">
                {t("eval.submit")}
              </Button>
            )}
            {reviewing && (
              <>
                <Input
                  style={{ width: 280 }}
                  placeholder={t("eval.generalComment")}
                  value={comments[""] ?? ""}
                  onChange={(e) => setComments({ ...comments, "": e.target.value })}
                  data-testid="comment-general"
                />
                <Button danger onClick={confirmReturn} loading={busy} data-testid="sheet-return">
                  {t("eval.return")}
                </Button>
              </>
            )}
            {data.actions.includes("approve") && (
              <Button
                type="primary"
                onClick={confirmApprove}
                loading={busy}
                data-testid="sheet-approve"
              >
                {t("eval.approve")}
              </Button>
            )}
            {data.actions.includes("reopen") && (
              <Button onClick={() => setReopening(true)} data-testid="sheet-reopen">
                {t("eval.reopen")}
              </Button>
            )}
          </Space>
          {narrow ? (
            <Space
              direction="vertical"
              size={8}
              style={{ width: "100%" }}
              data-testid="sheet-indicators"
            >
              {data.form.map((item) => (
                <Card size="small" key={item.code}>
                  <Space direction="vertical" size={8} style={{ width: "100%" }}>
                    {columns.map((c) => (
                      <div key={c.key}>{c.render(null, item)}</div>
                    ))}
                  </Space>
                </Card>
              ))}
            </Space>
          ) : (
            <Table<SheetFormItemT>
              size="small"
              rowKey="code"
              dataSource={data.form}
              columns={columns}
              pagination={false}
              scroll={{ x: "max-content" }}
              data-testid="sheet-indicators"
            />
          )}
          <Card size="small" title={t("evidence.title")} style={{ marginTop: 16 }}>
            <EvidencePanel sheetId={id} editable={canSave} />
          </Card>
          <Modal
            open={reopening}
            title={t("eval.reopen")}
            onCancel={() => setReopening(false)}
            onOk={() => {
              setReopening(false);
              void act("reopen", { reason });
            }}
          >
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t("eval.reopenReason")}
            />
          </Modal>
        </>
      )}
    </Card>
  );
}

export type { SheetDetailT };
