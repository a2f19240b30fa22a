/** Shown for paths the app does not know. */
import { BackHomeResult } from "../components/back-home-result.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  return <BackHomeResult status="404" reason={t("app.notFound")} />;
}
