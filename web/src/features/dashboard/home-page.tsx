/** Home: who is signed in, and the details of the region chosen in the tree. */
import { Breadcrumb, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useCallback } from "react";
import { roleCan } from "../../../../src/shared/roles.ts";
import { api } from "../../api/endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { RemindersCard } from "./reminders-card.tsx";

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const { region } = useLayout();
  const load = useCallback(() => api.region(region.code), [region.code]);
  const detail = useRemote(load);
  const data = detail.data?.code === region.code ? detail.data : undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("home.welcome", { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t("home.intro")}</Typography.Text>
      </Card>
      {roleCan(user.role, "evaluation:read") && <RemindersCard />}
      <Card
        title={t("region.detail")}
        loading={detail.loading && !data}
        data-testid="region-detail"
      >
        <ErrorAlert
          message={detail.error === undefined ? null : errorMessage(detail.error, t)}
          style={{}}
        />
        {data && (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            bordered
            items={[
              { key: "name", label: t("region.name"), children: data.name },
              { key: "code", label: t("region.code"), children: data.code },
              {
                key: "level",
                label: t("region.level"),
                children: <Tag color="blue">{t(`level.${data.level}`)}</Tag>,
              },
              {
                key: "children",
                label: t("region.hasChildren"),
                children: data.hasChildren ? t("region.yes") : t("region.no"),
              },
              {
                key: "path",
                label: t("region.path"),
                span: 2,
                children: (
                  <Breadcrumb
                    data-testid="region-path"
                    items={data.path.map((step) => ({ key: step.code, title: step.name }))}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
