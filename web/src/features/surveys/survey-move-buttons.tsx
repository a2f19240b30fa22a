/** Move up, move down and remove for one item of a list in the builder (a section, a question, an option). */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../../i18n/i18n-context.tsx";

export interface MoveButtonsProps {
  index: number;
  count: number;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  removable: boolean;
  /** Prefix of the buttons' test ids (`-up`, `-down`, `-remove`); none without it. */
  testId?: string;
}

export function SurveyMoveButtons(props: MoveButtonsProps) {
  const { t } = useI18n();
  const id = (suffix: string) =>
    props.testId === undefined ? undefined : `${props.testId}-${suffix}`;
  return (
    <>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={t("survey.moveUp")}
        disabled={props.index === 0}
        onClick={() => props.onMove(-1)}
        data-testid={id("up")}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={t("survey.moveDown")}
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(1)}
        data-testid={id("down")}
      />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={t("survey.remove")}
        disabled={!props.removable}
        onClick={props.onRemove}
        data-testid={id("remove")}
      />
    </>
  );
}
