/** The regions a task evaluates: the scope's own level and two levels below, with 全选 and 按级别选择. */
import { Button, Space, Spin, Tree, type TreeDataNode, Typography } from "antd";
import { useCallback, useMemo } from "react";
import type { EvaluableRegionT } from "../../../../src/shared/evaluation-task-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { evaluationTaskApi } from "../../api/evaluation-task-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";

const LEVELS = ["province", "city", "county"] as const;
type Level = (typeof LEVELS)[number];

interface Props {
  scopeCode: string;
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** Regions already in the task: shown ticked and disabled (when adding regions). */
  present?: readonly string[];
}

export function EvaluationRegionPicker({ scopeCode, value = [], onChange, present = [] }: Props) {
  const { t } = useI18n();
  const load = useCallback(() => evaluationTaskApi.evaluableRegions(scopeCode), [scopeCode]);
  const regions = useRemote(load);
  const list = regions.data ?? [];
  const taken = useMemo(() => new Set(present), [present]);
  const selectable = list.filter((r) => !taken.has(r.code));
  const tree = useMemo(
    () => toTree(list, taken, t("regionPick.inTask"), (name) => t("eval.ownLevel", { name })),
    [list, taken, t],
  );
  const set = (codes: string[]) => onChange?.([...new Set(codes)].filter((c) => !taken.has(c)));
  // 按级别选择: every region of a level below the scope (the scope itself is its own choice).
  const below = selectable.filter((r) => r.parentCode !== null);
  const levels = LEVELS.filter((l) => below.some((r) => r.level === l));
  const byLevel = (level: Level) => below.filter((r) => r.level === level).map((r) => r.code);
  return (
    <div data-testid="eval-regions">
      <ErrorAlert message={regions.error === undefined ? null : errorMessage(regions.error, t)} />
      <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
        <Button
          size="small"
          onClick={() => set(selectable.map((r) => r.code))}
          data-testid="region-pick-all"
        >
          {t("regionPick.selectAll")}
        </Button>
        {levels.map((level) => (
          <Button
            key={level}
            size="small"
            onClick={() => set([...value, ...byLevel(level)])}
            data-testid={`region-pick-${level}`}
          >
            {t(`regionPick.level.${level}`, { count: byLevel(level).length })}
          </Button>
        ))}
        <Button size="small" onClick={() => set([])} data-testid="region-pick-clear">
          {t("regionPick.clear")}
        </Button>
        <Typography.Text type="secondary" data-testid="region-pick-count">
          {t("regionPick.selected", { count: value.length })}
        </Typography.Text>
      </Space>
      {regions.loading && !regions.data ? (
        <Spin />
      ) : (
        <Tree
          checkable
          checkStrictly
          selectable={false}
          height={280}
          defaultExpandedKeys={[scopeCode]}
          treeData={tree}
          checkedKeys={{ checked: [...value, ...present], halfChecked: [] }}
          onCheck={(checked) => {
            const keys = Array.isArray(checked) ? checked : checked.checked;
            set(keys.map(String));
          }}
          style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: 4 }}
        />
      )}
    </div>
  );
}

function toTree(
  list: EvaluableRegionT[],
  taken: Set<string>,
  inTask: string,
  own: (name: string) => string,
): TreeDataNode[] {
  const nodes = new Map<string, TreeDataNode & { children: TreeDataNode[] }>();
  for (const r of list) {
    const name = r.parentCode === null ? own(r.name) : r.name;
    nodes.set(r.code, {
      key: r.code,
      title: taken.has(r.code) ? `${name}${inTask}` : name,
      disabled: taken.has(r.code),
      children: [],
    });
  }
  const roots: TreeDataNode[] = [];
  for (const r of list) {
    const node = nodes.get(r.code);
    if (!node) continue;
    const parent = r.parentCode === null ? undefined : nodes.get(r.parentCode);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) if (node.children.length === 0) node.isLeaf = true;
  return roots;
}
