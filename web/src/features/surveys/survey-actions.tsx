/**
 * The survey's buttons: publish the draft (and open collection), close and reopen collection, export,
 * delete; which of them shows is the server's answer (the survey's `actions`).
 */
import { DeleteOutlined, FileExcelOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { SurveyActionT, SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi, surveyExportUrl } from "../../api/survey-endpoints.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";

export function SurveyActions(props: {
  survey: SurveyDetailT;
  /** The builder holds edits not saved yet: publishing would leave them out. */
  dirty: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { survey } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      message.success(done);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: SurveyActionT) => {
    if (await run(() => surveyApi.act(survey.id, action), t(`survey.done.${action}`)))
      props.onChanged();
  };

  const remove = async () => {
    if (await run(() => surveyApi.remove(survey.id), t("survey.deleted")))
      navigate(`/surveys?year=${survey.year}`);
  };

  const can = (action: SurveyDetailT["actions"][number]) => survey.actions.includes(action);
  const nextVersion = survey.draftVersion ?? (survey.publishedVersion ?? 0) + 1;

  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap>
        {can("publish") && (
          <Popconfirm
            title={
              props.dirty
                ? t("survey.publishDirty")
                : t("survey.publishConfirm", { version: nextVersion })
            }
            onConfirm={() => void act("publish")}
            okButtonProps={{ id: "survey-publish-ok" }}
          >
            <Button type="primary" loading={busy} data-testid="survey-action-publish">
              {survey.publishedVersion === null
                ? t("survey.action.publish")
                : t("survey.action.publishNew")}
            </Button>
          </Popconfirm>
        )}
        {can("close") && (
          <Popconfirm
            title={t("survey.closeConfirm")}
            onConfirm={() => void act("close")}
            okButtonProps={{ id: "survey-close-ok" }}
          >
            <Button loading={busy} data-testid="survey-action-close">
              {t("survey.action.close")}
            </Button>
          </Popconfirm>
        )}
        {can("reopen") && (
          <Button
            loading={busy}
            onClick={() => void act("reopen")}
            data-testid="survey-action-reopen"
          >
            {t("survey.action.reopen")}
          </Button>
        )}
        <DownloadButton
          icon={<FileExcelOutlined />}
          url={surveyExportUrl(survey.id)}
          fallbackName={`${survey.title}.xlsx`}
          data-testid="survey-export"
        >
          {t("survey.export")}
        </DownloadButton>
        {can("delete") && (
          <Popconfirm
            title={t("survey.deleteConfirm", { name: survey.title })}
            onConfirm={() => void remove()}
            okButtonProps={{ danger: true, id: "survey-delete-ok" }}
          >
            <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="survey-delete">
              {t("survey.delete")}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <SurveyProblems error={error} style={{ marginTop: 12 }} data-testid="survey-action-error" />
    </div>
  );
}
