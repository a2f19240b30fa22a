/** A page the user cannot see (403, 404): the reason and the way back to the home page. */
import { Button, Result } from "antd";
import { Link } from "react-router";
import { useI18n } from "../i18n/i18n-context.tsx";

export function BackHomeResult(props: { status: "403" | "404"; reason: string }) {
  const { t } = useI18n();
  return (
    <Result
      status={props.status}
      title={props.status}
      subTitle={props.reason}
      extra={
        <Link to="/">
          <Button type="primary">{t("app.backHome")}</Button>
        </Link>
      }
    />
  );
}
