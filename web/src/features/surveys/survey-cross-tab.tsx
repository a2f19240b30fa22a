/** 交叉分析: one choice or rating question against a demographic (小区, 楼栋, 年龄段, 业主/租户), counts and row shares. */
import { Card, Flex, Select, Table, Typography } from "antd";
import { useCallback, useState } from "react";
import type { SurveyDetailT, SurveyResultsT } from "../../../../src/shared/survey-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { type CrossTabAnswerT, type Demographic, surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { DEMOGRAPHIC_KEYS } from "./survey-questionnaire.ts";

type CrossRow = CrossTabAnswerT["rows"][number];

/** A count with its share of the row, to one decimal (display only: whole numbers in, text out). */
function share(count: number, of: number): string {
  if (of === 0) return String(count);
  const tenths = Math.round((count * 1000) / of);
  return `${count}（${Math.floor(tenths / 10)}.${tenths % 10}%）`;
}

export function SurveyCrossTab(props: {
  survey: SurveyDetailT;
  questions: SurveyResultsT["questions"];
}) {
  const { t } = useI18n();
  const choices = props.questions.filter(
    (q) => q.kind !== "number" && q.kind !== "text" && q.demographic === null,
  );
  const marked = new Set<string>(
    props.questions.flatMap((q) => (q.demographic ? [q.demographic] : [])),
  );
  const demographics = DEMOGRAPHIC_KEYS.filter((d) => d === "community" || marked.has(d));
  const [question, setQuestion] = useState<string | undefined>(choices[0]?.key);
  const [demographic, setDemographic] = useState<Demographic>(
    demographics.find((d) => d === "age-band") ?? "community",
  );
  const load = useCallback(
    () =>
      question === undefined
        ? Promise.resolve(undefined)
        : surveyApi.crossTab(props.survey.id, question, demographic),
    [props.survey.id, question, demographic],
  );
  const answer = useRemote(load);
  const data = answer.data;

  return (
    <Card
      size="small"
      title={t("survey.crossTab")}
      style={{ marginBottom: 16 }}
      data-testid="survey-cross-tab"
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<string>
          value={question}
          style={{ flex: "1 1 240px", minWidth: 0, maxWidth: 480 }}
          placeholder={t("survey.question")}
          options={choices.map((q) => ({ value: q.key, label: q.title }))}
          onChange={setQuestion}
          data-testid="survey-cross-question"
        />
        <Typography.Text>×</Typography.Text>
        <Select<Demographic>
          value={demographic}
          style={{ width: 160 }}
          options={demographics.map((d) => ({ value: d, label: t(`survey.demographic.${d}`) }))}
          onChange={setDemographic}
          data-testid="survey-cross-demographic"
        />
      </Flex>
      <ErrorAlert message={answer.error === undefined ? null : errorMessage(answer.error, t)} />
      {data && (
        <Table<CrossRow>
          size="small"
          rowKey={(r) => r.value ?? ""}
          pagination={false}
          loading={answer.loading}
          dataSource={data.rows}
          scroll={{ x: "max-content" }}
          data-testid="survey-cross-table"
          columns={[
            { title: t(`survey.demographic.${demographic}`), dataIndex: "label", fixed: "left" },
            ...data.options.map((o) => ({
              title: o.label,
              key: o.key,
              align: "right" as const,
              render: (_: unknown, r: CrossRow) => share(r.counts[o.key] ?? 0, r.respondents),
            })),
            { title: t("survey.respondents"), dataIndex: "respondents", align: "right" },
          ]}
        />
      )}
    </Card>
  );
}
