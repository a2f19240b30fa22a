/** Shown for paths the app does not know. */
import { Button, Result } from "antd";
import { Link } from "react-router";
import { useI18n } from "../i18n/i18n-context.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("app.notFound")}
      extra={
        <Link to="/">
          <Button type="primary">{t("app.backHome")}</Button>
        </Link>
      }
    />
  );
}
