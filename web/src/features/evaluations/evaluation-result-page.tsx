/**
 * The result of one evaluation sheet: total, grade and rank; group and indicator scores with their
 * reasons; last year's comparison; the 问题 list, each with its 整改 editor and an 逾期 tag.
 */
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import {
  type ComparisonLineT,
  RECTIFICATION_STATUS_CODES,
  type RectificationStatusT,
  type SheetProblemT,
  type SheetResultT,
} from "../../../../src/shared/result-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { resultApi } from "../../api/result-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { gradeText } from "../../format/grade.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SEVERITY_COLOR } from "../checks/finding-list.tsx";
import { ReportPanel } from "../reports/report-panel.tsx";
import { STATUS_COLOR } from "./evaluation-task-page.tsx";

type Group = SheetResultT["groups"][number];
type Indicator = SheetResultT["indicators"][number];

const RECTIFICATION_COLOR: Record<RectificationStatusT, string> = {
  open: "default",
  "in-progress": "processing",
  done: "success",
  verified: "green",
};

/** A change with its sign: "+1.1", "-2.0", "0.0". */
function signed(change: string | null): string {
  if (change === null) return "—";
  return change.startsWith("-") || /^0(\.0+)?$/.test(change) ? change : `+${change}`;
}

const percent = (rate: string | undefined) => (rate === undefined ? "—" : `${rate}%`);

interface EditorProps {
  sheetId: number;
  problem: SheetProblemT;
  can: SheetResultT["can"];
  onSaved: () => void;
}

/** The 整改 of one problem: owner, deadline, status, result and the reviewer's follow-up. */
function RectificationEditor({ sheetId, problem, can, onSaved }: EditorProps) {
  const { t } = useI18n();
  const saved = problem.rectification;
  const [owner, setOwner] = useState(saved?.owner ?? "");
  const [deadline, setDeadline] = useState<string | null>(saved?.deadline ?? null);
  const [status, setStatus] = useState<RectificationStatusT>(saved?.status ?? "open");
  const [result, setResult] = useState(saved?.result ?? "");
  const [followUp, setFollowUp] = useState(saved?.followUp ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const locked = !can.fill || (saved?.status === "verified" && !can.review);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await resultApi.saveRectification(sheetId, problem.key, {
        version: saved?.version ?? null,
        owner,
        deadline,
        status,
        result,
        followUp,
      });
      onSaved();
    } catch (err) {
      // What was typed stays in the form: a conflict or a refusal loses nothing.
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space
      direction="vertical"
      size={4}
      style={{ width: "100%" }}
      data-testid={`rectification-${problem.key}`}
    >
      <Space wrap size={4}>
        <Input
          size="small"
          style={{ width: 200 }}
          placeholder={t("result.owner")}
          value={owner}
          disabled={locked}
          onChange={(e) => setOwner(e.target.value)}
          data-testid="rect-owner"
        />
        <DatePicker
          size="small"
          placeholder={t("result.deadline")}
          value={deadline ? dayjs(deadline) : null}
          disabled={locked}
          onChange={(d) => setDeadline(d ? d.format("YYYY-MM-DD") : null)}
          data-testid="rect-deadline"
        />
        <Select<RectificationStatusT>
          size="small"
          style={{ width: 110 }}
          value={status}
          disabled={locked}
          onChange={setStatus}
          options={RECTIFICATION_STATUS_CODES.map((code) => ({
            value: code,
            label: t(`result.status.${code}`),
            disabled: code === "verified" && !can.review,
          }))}
          data-testid="rect-status"
        />
        {saved?.overdue && (
          <Tag color="red" data-testid="rect-overdue">
            {t("result.overdue")}
          </Tag>
        )}
      </Space>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={t("result.result")}
        value={result}
        disabled={locked}
        onChange={(e) => setResult(e.target.value)}
        data-testid="rect-result"
      />
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={t("result.followUpReviewer")}
        value={followUp}
        disabled={locked || !can.review}
        onChange={(e) => setFollowUp(e.target.value)}
        data-testid="rect-follow-up"
      />
      <ErrorAlert message={error} style={{ marginBottom: 0 }} data-testid="rect-error" />
      <Space size={8}>
        {!locked && (
          <Button size="small" type="primary" loading={busy} onClick={save} data-testid="rect-save">
            {t("result.saveRectification")}
          </Button>
        )}
        {saved && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("result.lastChange", {
              version: saved.version,
              by: saved.updatedBy ?? "—",
              at: formatDateTime(saved.updatedAt),
            })}
          </Typography.Text>
        )}
      </Space>
    </Space>
  );
}

export function EvaluationResultPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(() => resultApi.result(id), [id]);
  const answer = useRemote(load);
  const data = answer.data;
  const groupName = new Map((data?.groups ?? []).map((g) => [g.code, `${g.code} ${g.name}`]));
  const rectified = (data?.problems ?? []).filter(
    (p) => p.rectification?.status === "done" || p.rectification?.status === "verified",
  ).length;
  const overdue = (data?.problems ?? []).filter((p) => p.rectification?.overdue).length;

  const comparisonRows: ComparisonLineT[] = data?.comparison
    ? [data.comparison.total, ...data.comparison.groups]
    : [];

  return (
    <Card
      title={
        data ? `${data.region.name} · ${data.task.name} · ${t("result.title")}` : t("result.title")
      }
      loading={answer.loading && !data}
      extra={
        data && (
          <Space>
            <Link to={`/evaluation-sheets/${data.id}`}>{t("result.backToSheet")}</Link>
            <Link to={`/evaluations/${data.task.id}`}>{t("eval.backToTask")}</Link>
          </Space>
        )
      }
    >
      <ErrorAlert message={answer.error === undefined ? null : errorMessage(answer.error, t)} />
      {data && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("eval.total")}>
              <Typography.Text strong data-testid="result-total">
                {data.total}
              </Typography.Text>
              <Typography.Text type="secondary"> / {data.points}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("result.rate")}>{percent(data.rate)}</Descriptions.Item>
            <Descriptions.Item label={t("eval.grade")}>
              <Tag color="blue" data-testid="result-grade">
                {gradeText(data.grade, t)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.rank")}>
              <span data-testid="result-rank">
                {data.rank !== null && data.ranked > 1
                  ? t("result.rankOf", { rank: data.rank, count: data.ranked })
                  : "—"}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.status")}>
              <Tag color={STATUS_COLOR[data.status]}>{t(`eval.status.${data.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("eval.framework")} span={3}>
              {data.task.frameworkName}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5}>{t("result.groups")}</Typography.Title>
          <Table<Group>
            size="small"
            rowKey="code"
            dataSource={data.groups}
            pagination={false}
            style={{ marginBottom: 24 }}
            data-testid="result-groups"
            columns={[
              {
                title: t("result.group"),
                key: "name",
                render: (_: unknown, g) => (
                  <span style={{ paddingLeft: (g.level - 1) * 16 }}>
                    {g.code} {g.name}
                  </span>
                ),
              },
              { title: t("result.points"), dataIndex: "points", align: "right" },
              { title: t("result.score"), dataIndex: "score", align: "right" },
              {
                title: t("result.rate"),
                dataIndex: "rate",
                align: "right",
                render: (v: string) => percent(v),
              },
            ]}
          />

          <Typography.Title level={5}>{t("result.indicators")}</Typography.Title>
          <Table<Indicator>
            size="small"
            rowKey="code"
            dataSource={data.indicators}
            pagination={false}
            style={{ marginBottom: 24 }}
            data-testid="result-indicators"
            columns={[
              {
                title: t("result.group"),
                key: "name",
                width: 240,
                render: (_: unknown, i) => (
                  <span>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {i.group ? groupName.get(i.group) : ""}
                    </Typography.Text>
                    {i.code} {i.name}
                  </span>
                ),
              },
              { title: t("result.points"), dataIndex: "points", align: "right", width: 70 },
              { title: t("result.score"), dataIndex: "score", align: "right", width: 70 },
              {
                title: t("result.rate"),
                dataIndex: "rate",
                align: "right",
                width: 90,
                render: (v: string) => percent(v),
              },
              {
                title: t("result.reason"),
                key: "reason",
                render: (_: unknown, i) => (
                  <span style={{ display: "block", whiteSpace: "normal" }}>
                    {i.reason}
                    {i.note && (
                      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                        {i.note}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
            ]}
          />

          <Typography.Title level={5}>{t("result.comparison")}</Typography.Title>
          {data.comparison ? (
            <>
              <Typography.Paragraph type="secondary">
                {t("result.comparisonWith", {
                  task: data.comparison.previous.taskName,
                  year: data.comparison.previous.year,
                })}
                {"　"}
                {t("result.gradeChange", {
                  last: gradeText(data.comparison.grade.lastYear, t),
                  this: gradeText(data.comparison.grade.thisYear, t),
                })}
              </Typography.Paragraph>
              <Table<ComparisonLineT>
                size="small"
                rowKey={(l) => `${l.level}|${l.code}|${l.name}`}
                dataSource={comparisonRows}
                pagination={false}
                style={{ marginBottom: 24 }}
                data-testid="result-comparison"
                columns={[
                  {
                    title: t("result.item"),
                    key: "name",
                    render: (_: unknown, l) =>
                      l.level === 0 ? (
                        <Typography.Text strong>{t("result.totalRow")}</Typography.Text>
                      ) : (
                        `${l.code} ${l.name}`
                      ),
                  },
                  {
                    title: t("result.thisYear"),
                    key: "this",
                    align: "right",
                    render: (_: unknown, l) => l.thisYear?.score ?? "—",
                  },
                  {
                    title: t("result.lastYear"),
                    key: "last",
                    align: "right",
                    render: (_: unknown, l) => l.lastYear?.score ?? "—",
                  },
                  {
                    title: t("result.change"),
                    key: "change",
                    align: "right",
                    render: (_: unknown, l) => signed(l.change),
                  },
                  {
                    title: t("result.rateThisYear"),
                    key: "rateThis",
                    align: "right",
                    render: (_: unknown, l) => percent(l.thisYear?.rate),
                  },
                  {
                    title: t("result.rateLastYear"),
                    key: "rateLast",
                    align: "right",
                    render: (_: unknown, l) => percent(l.lastYear?.rate),
                  },
                  {
                    title: t("result.rateChange"),
                    key: "rateChange",
                    align: "right",
                    render: (_: unknown, l) => signed(l.rateChange),
                  },
                ]}
              />
            </>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="result-no-comparison">
              {t("result.noComparison")}
            </Typography.Paragraph>
          )}

          <Typography.Title level={5}>{t("result.problems")}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t("result.problemCount", { count: data.problems.length, done: rectified, overdue })}
            {"　"}
            {t("result.asOf", { date: data.asOf })}
          </Typography.Paragraph>
          {!data.can.fill && (
            <Alert type="info" showIcon title={t("result.readOnly")} style={{ marginBottom: 12 }} />
          )}
          <Table<SheetProblemT>
            size="small"
            rowKey="key"
            dataSource={data.problems}
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("result.noProblems") }}
            data-testid="result-problems"
            onRow={(p) => ({ "data-key": p.key }) as object}
            columns={[
              {
                title: t("result.problem"),
                key: "problem",
                width: 460,
                render: (_: unknown, p) => (
                  <Space direction="vertical" size={2} style={{ whiteSpace: "normal" }}>
                    <Space size={4} wrap>
                      <Tag color={SEVERITY_COLOR[p.severity]}>{t(`severity.${p.severity}`)}</Tag>
                      <Tag>{t(`result.source.${p.source}`)}</Tag>
                      {p.regionName && <Tag>{p.regionName}</Tag>}
                      {!p.current && <Tag color="default">{t("result.resolved")}</Tag>}
                      {p.rectification && (
                        <Tag color={RECTIFICATION_COLOR[p.rectification.status]}>
                          {t(`result.status.${p.rectification.status}`)}
                        </Tag>
                      )}
                    </Space>
                    <span data-testid="problem-text">
                      {locale === "zh-CN" ? p.text.zh : p.text.en}
                    </span>
                    {p.current && p.rectification && p.rectification.description !== p.text.zh && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t("result.recorded", { text: p.rectification.description })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t("result.rectification"),
                key: "rectification",
                width: 520,
                render: (_: unknown, p) => (
                  <RectificationEditor
                    // A new stored version (a save, or someone else's) starts the form afresh.
                    key={`${p.key}:${p.rectification?.version ?? 0}`}
                    sheetId={data.id}
                    problem={p}
                    can={data.can}
                    onSaved={answer.reload}
                  />
                ),
              },
            ]}
          />
          <ReportPanel sheetId={data.id} canEdit={data.can.fill || data.can.review} />
        </>
      )}
    </Card>
  );
}
