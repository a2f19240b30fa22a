/** Posters to print: one A4 page per collection point with the survey's title, the community and its QR code. */
import { PrinterOutlined } from "@ant-design/icons";
import { Button, Flex, Result, Spin } from "antd";
import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi, surveyQrUrl } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

// On paper every poster fills its own A4 page; on screen they stack as sheets with the toolbar above.
const POSTER_CSS = `
.survey-posters { background: #f0f2f5; min-height: 100vh; padding: 16px 0; }
.survey-poster {
  width: 210mm; height: 297mm; margin: 0 auto 16px; background: #fff; box-sizing: border-box;
  padding: 24mm 18mm; display: flex; flex-direction: column; align-items: center; text-align: center;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  max-width: 100%;
}
.survey-poster h1 { font-size: 30pt; line-height: 1.3; margin: 0 0 10mm; }
.survey-poster h2 { font-size: 24pt; margin: 0 0 12mm; color: #1677ff; }
.survey-poster img { width: 120mm; height: 120mm; max-width: 100%; }
.survey-poster .scan { font-size: 20pt; margin-top: 10mm; }
.survey-poster .footer { margin-top: auto; font-size: 12pt; color: #666; }
@page { size: A4; margin: 0; }
@media print {
  .survey-posters { background: none; padding: 0; }
  .survey-posters-toolbar { display: none !important; }
  .survey-poster { margin: 0; box-shadow: none; break-after: page; page-break-after: always; }
  .survey-poster:last-child { break-after: auto; page-break-after: auto; }
}
`;

export function SurveyPostersPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(() => surveyApi.survey(id), [id]);
  const survey = useRemote(load);
  const data = survey.data;

  if (survey.error !== undefined)
    return <Result status="error" title={errorMessage(survey.error, t)} />;
  if (!data) return <Spin style={{ display: "block", marginTop: 80 }} />;

  return (
    <div className="survey-posters">
      <style>{POSTER_CSS}</style>
      <Flex
        className="survey-posters-toolbar"
        gap={8}
        justify="center"
        wrap
        style={{ marginBottom: 16 }}
      >
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="survey-posters-print"
        >
          {t("survey.print")}
        </Button>
        <Link to={`/surveys/${id}?tab=communities`}>
          <Button>{t("survey.backToSurvey")}</Button>
        </Link>
      </Flex>
      {data.communities.map((c) => (
        <section key={c.id} className="survey-poster" data-testid="survey-poster">
          <h1>{data.title}</h1>
          <h2>{c.name}</h2>
          <img src={surveyQrUrl(data.id, c.id)} alt={t("survey.qrOf", { name: c.name })} />
          <p className="scan">{t("survey.posterScan")}</p>
          <p className="footer">
            {data.regionName} · {data.year}
          </p>
        </section>
      ))}
    </div>
  );
}
