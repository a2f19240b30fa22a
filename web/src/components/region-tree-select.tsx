/** A region picker for forms: starts at the user's own region and loads one level per expand. */
import { TreeSelect } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RegionT } from "../../../src/shared/schemas.ts";
import { api } from "../api/endpoints.ts";

interface RegionTreeSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Name of the initial value, shown before its branch of the tree is loaded. */
  initialLabel?: string;
  placeholder?: string;
  "data-testid"?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

function toNode(region: RegionT): Node {
  return {
    id: region.code,
    pId: region.parentCode,
    value: region.code,
    title: region.name,
    isLeaf: !region.hasChildren,
  };
}

export function RegionTreeSelect({
  value,
  onChange,
  initialLabel,
  placeholder,
  "data-testid": testId,
}: RegionTreeSelectProps) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [rootCode, setRootCode] = useState<string | null>(null);
  const labels = useRef(new Map<string, string>());
  const loaded = useRef(new Set<string>());

  if (value && initialLabel && !labels.current.has(value)) labels.current.set(value, initialLabel);

  const add = useCallback((regions: RegionT[]) => {
    for (const region of regions) labels.current.set(region.code, region.name);
    setNodes((current) => {
      const known = new Set(current.map((node) => node.id));
      return [...current, ...regions.filter((r) => !known.has(r.code)).map(toNode)];
    });
  }, []);

  useEffect(() => {
    let live = true;
    api.regionChildren().then(
      (roots) => {
        if (!live) return;
        add(roots);
        setRootCode(roots[0]?.code ?? null);
      },
      () => undefined, // the field stays empty; submitting then reports the problem
    );
    return () => {
      live = false;
    };
  }, [add]);

  const loadData = async (node: { value?: unknown }) => {
    const code = String(node.value);
    if (loaded.current.has(code)) return;
    loaded.current.add(code);
    try {
      add(await api.regionChildren(code));
    } catch {
      loaded.current.delete(code);
    }
  };

  return (
    <div data-testid={testId}>
      <TreeSelect<{ value: string; label: string }>
        style={{ width: "100%" }}
        showSearch={false}
        labelInValue
        treeDataSimpleMode
        treeData={nodes}
        treeDefaultExpandedKeys={rootCode ? [rootCode] : []}
        loadData={loadData}
        placeholder={placeholder}
        value={value ? { value, label: labels.current.get(value) ?? value } : undefined}
        onChange={(next) => onChange?.(next?.value)}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { minWidth: 280, maxHeight: 400, overflow: "auto" } } }}
      />
    </div>
  );
}
