/**
 * One evaluation sheet: every indicator with its figures (from the data, with their source, or
 * entered), its score and reason from the engine; save with the version; submit, return, approve.
 */
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type {
  SheetDetailT,
  SheetEntryT,
  SheetFormItemT,
} from "../../../src/shared/evaluation-schemas.ts";
import { errorMessage } from "../api/error-message.ts";
import { evaluationApi } from "../api/evaluation-endpoints.ts";
import { useRemote } from "../api/use-remote.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { STATUS_COLOR } from "./evaluation-task-page.tsx";
import { EvidencePanel } from "./evidence-panel.tsx";
import { FactsEditor, type RuleShape } from "./facts-editor.tsx";

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

export function EvaluationSheetPage() {
  const { t, locale } = useI18n();
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
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");

  useEffect(() => {
    if (!data) return;
    setEntries(data.entries as Entries);
    setMode(data.mode);
    setVisitNotes(data.visitNotes ?? "");
    setComments({});
  }, [data]);

  const canSave = data?.actions.includes("save") ?? false;
  const reviewing = data?.actions.includes("return") ?? false;
  const bound = new Map((data?.bound ?? []).map((b) => [b.code, b]));
  const unbound = new Map((data?.unbound ?? []).map((b) => [b.code, b]));
  const scored = new Map((data?.scorecard.indicators ?? []).map((i) => [i.code, i]));

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
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
      setBusy(false);
    }
  };
  const save = () =>
    run(
      () =>
        evaluationApi.saveSheet(id, {
          version: data?.version ?? 0,
          entries: cleaned(entries),
          mode,
          visitNotes: visitNotes.trim() === "" ? null : visitNotes.trim(),
        }),
      t("eval.saved"),
    );
  const act = (
    action: "submit" | "return" | "approve" | "reopen",
    extra: { comments?: Record<string, string>; reason?: string } = {},
  ) =>
    run(
      () => evaluationApi.act(id, { action, version: data?.version ?? 0, ...extra }),
      t(`eval.done.${action}`),
    );

  const columns = [
    {
      title: t("eval.indicator"),
      key: "name",
      width: 220,
      render: (_: unknown, item: SheetFormItemT) => (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
            {item.group}
          </Typography.Text>
          {item.code} {locale === "zh-CN" ? item.name : item.nameEn}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {t("eval.points", { points: item.points })}
          </Typography.Text>
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
        const s = scored.get(item.code);
        const pending = data?.pending.includes(item.code);
        return (
          <span
            data-testid={`score-${item.code}`}
            style={{ display: "block", whiteSpace: "normal" }}
          >
            <Typography.Text strong>{pending ? "—" : s?.score}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {pending ? t("eval.pending") : s?.reason}
            </Typography.Text>
          </span>
        );
      },
    },
  ];

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
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("eval.status")}>
              <Tag color={STATUS_COLOR[data.status]} data-testid="sheet-status">
                {t(`eval.status.${data.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.total")}>
              <span data-testid="sheet-total">
                {data.scorecard.total}（{data.scorecard.grade}）
              </span>
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
          {data.pending.length > 0 && (
            <Typography.Paragraph type="secondary" data-testid="sheet-pending">
              {t("eval.pendingList", {
                count: data.pending.length,
                codes: data.pending.join("、"),
              })}
            </Typography.Paragraph>
          )}
          <Space wrap style={{ marginBottom: 12 }}>
            {canSave && (
              <Button type="primary" onClick={save} loading={busy} data-testid="sheet-save">
                {t("common.save")}
              </Button>
            )}
            {data.actions.includes("submit") && (
              <Button onClick={() => act("submit")} loading={busy} data-testid="sheet-submit">
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
                <Button
                  danger
                  onClick={() => act("return", { comments })}
                  loading={busy}
                  data-testid="sheet-return"
                >
                  {t("eval.return")}
                </Button>
              </>
            )}
            {data.actions.includes("approve") && (
              <Button
                type="primary"
                onClick={() => act("approve")}
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
          <Table<SheetFormItemT>
            size="small"
            rowKey="code"
            dataSource={data.form}
            columns={columns}
            pagination={false}
            scroll={{ x: "max-content" }}
            data-testid="sheet-indicators"
          />
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
