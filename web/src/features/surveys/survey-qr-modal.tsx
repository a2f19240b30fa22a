/** A collection point's QR code as the poster shows it, its public address, and the PNG to download. */
import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { App, Button, Flex, Modal, Typography } from "antd";
import type { SurveyCommunityT, SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { surveyPublicUrl, surveyQrUrl } from "../../api/survey-endpoints.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

export function SurveyQrModal(props: {
  survey: SurveyDetailT;
  community: SurveyCommunityT;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { survey, community } = props;
  const url = surveyPublicUrl(community.publicPath);
  return (
    <Modal open title={community.name} onCancel={props.onClose} footer={null} width={420}>
      <Flex vertical align="center" gap={12}>
        <img
          src={surveyQrUrl(survey.id, community.id)}
          alt={t("survey.qrOf", { name: community.name })}
          width={260}
          height={260}
          data-testid="survey-qr-image"
        />
        <Typography.Text style={{ wordBreak: "break-all", textAlign: "center" }}>
          {url}
        </Typography.Text>
        <Flex gap={8} wrap justify="center">
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard.writeText(url).then(
                () => message.success(t("survey.linkCopied")),
                () => message.error(t("survey.copyFailed")),
              )
            }
          >
            {t("survey.copyLink")}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={surveyQrUrl(survey.id, community.id, "png")}
            download={`${community.name}.png`}
            data-testid="survey-qr-png"
          >
            {t("survey.downloadPng")}
          </Button>
        </Flex>
        {community.accessCode && (
          <Typography.Text type="secondary">
            {t("survey.accessCodeNote", { code: community.accessCode })}
          </Typography.Text>
        )}
      </Flex>
    </Modal>
  );
}
