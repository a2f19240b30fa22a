/** 调查点: the communities where residents answer, each with its public link and QR code; posters to print. */
import {
  DeleteOutlined,
  EditOutlined,
  ImportOutlined,
  PlusOutlined,
  PrinterOutlined,
  QrcodeOutlined,
} from "@ant-design/icons";
import { App, Button, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import type { SurveyCommunityT, SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi, surveyPublicUrl } from "../../api/survey-endpoints.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyCommunityDialog } from "./survey-community-dialog.tsx";
import { SurveyProblems } from "./survey-problems.tsx";
import { SurveyQrModal } from "./survey-qr-modal.tsx";

export function SurveyCommunities(props: { survey: SurveyDetailT; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { survey } = props;
  const [editing, setEditing] = useState<SurveyCommunityT | null | "new">(null);
  const [showing, setShowing] = useState<SurveyCommunityT | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  /** Runs a change, says what it did (work says it itself when it returns null), reloads. */
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await work();
      if (done) message.success(done);
      props.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="survey-communities">
      <Space wrap style={{ marginBottom: 12 }}>
        {survey.canEdit && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing("new")}
              data-testid="survey-community-add"
            >
              {t("survey.addCommunity")}
            </Button>
            <Popconfirm
              title={t("survey.fromProjectsConfirm", {
                year: survey.year,
                region: survey.regionName,
              })}
              onConfirm={() =>
                void run(async () => {
                  const { added } = await surveyApi.communitiesFromProjects(survey.id);
                  if (added > 0) return t("survey.fromProjectsDone", { added });
                  message.info(
                    t("survey.fromProjectsNone", { year: survey.year, region: survey.regionName }),
                  );
                  return null;
                })
              }
              okButtonProps={{ id: "survey-from-projects-ok" }}
            >
              <Button icon={<ImportOutlined />} loading={busy} data-testid="survey-from-projects">
                {t("survey.fromProjects")}
              </Button>
            </Popconfirm>
          </>
        )}
        <Button
          icon={<PrinterOutlined />}
          href={`/surveys/${survey.id}/posters`}
          target="_blank"
          disabled={survey.communities.length === 0}
          data-testid="survey-posters"
        >
          {t("survey.posters")}
        </Button>
      </Space>
      <SurveyProblems error={error} />
      <Table<SurveyCommunityT>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={survey.communities}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("survey.noCommunities") }}
        onRow={(c) => ({ "data-community": c.id }) as object}
        data-testid="survey-communities-table"
        columns={[
          { title: t("survey.communityName"), dataIndex: "name" },
          { title: t("survey.communityRegion"), dataIndex: "regionName" },
          {
            title: t("survey.households"),
            dataIndex: "households",
            align: "right",
            render: (v: number | null) => v ?? "—",
          },
          {
            title: t("survey.accessCode"),
            dataIndex: "accessCode",
            render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : "—"),
          },
          {
            title: t("survey.validOfAll"),
            key: "answers",
            align: "right",
            render: (_: unknown, c) => `${c.valid} / ${c.answers}`,
          },
          {
            title: t("survey.publicLink"),
            dataIndex: "publicPath",
            render: (path: string) => (
              <Typography.Link
                href={path}
                target="_blank"
                copyable={{ text: surveyPublicUrl(path) }}
                data-testid="survey-public-link"
              >
                {path}
              </Typography.Link>
            ),
          },
          {
            title: t("common.actions"),
            key: "actions",
            render: (_: unknown, c) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<QrcodeOutlined />}
                  onClick={() => setShowing(c)}
                  data-testid="survey-community-qr"
                >
                  {t("survey.qr")}
                </Button>
                {survey.canEdit && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t("survey.editCommunity")}
                    onClick={() => setEditing(c)}
                    data-testid="survey-community-edit"
                  />
                )}
                {survey.canEdit && c.answers === 0 && (
                  <Popconfirm
                    title={t("survey.removeCommunityConfirm", { name: c.name })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      void run(async () => {
                        await surveyApi.removeCommunity(survey.id, c.id);
                        return t("survey.communityRemoved");
                      })
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("survey.remove")}
                      data-testid="survey-community-remove"
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <SurveyCommunityDialog
          survey={survey}
          community={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(t("survey.communitySaved"));
            props.onChanged();
          }}
        />
      )}
      {showing && (
        <SurveyQrModal survey={survey} community={showing} onClose={() => setShowing(null)} />
      )}
    </div>
  );
}
