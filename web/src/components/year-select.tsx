/** The year picker of a page's toolbar. */
import { Select } from "antd";
import { useI18n } from "../i18n/i18n-context.tsx";

export function YearSelect(props: {
  value: number;
  onChange: (year: number) => void;
  years: readonly number[];
  "data-testid": string;
}) {
  const { t } = useI18n();
  return (
    <Select<number>
      value={props.value}
      style={{ width: 120 }}
      options={props.years.map((y) => ({ value: y, label: t("data.yearOption", { year: y }) }))}
      onChange={props.onChange}
      data-testid={props["data-testid"]}
    />
  );
}
