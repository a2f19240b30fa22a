/**
 * The region tree of the sider: starts at the user's own region and loads one level per expand; it
 * follows the region of the URL, opening the branches down to it.
 */
import { Spin, Tree, type TreeDataNode } from "antd";
import { type Key, useCallback, useEffect, useRef, useState } from "react";
import type { RegionT } from "../../../src/shared/schemas.ts";
import { api } from "../api/endpoints.ts";
import { errorMessage } from "../api/error-message.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import type { SelectedRegion } from "./layout-context.ts";

interface RegionTreeProps {
  selectedCode: string;
  onSelect: (region: SelectedRegion) => void;
}

function toNode(region: RegionT): TreeDataNode {
  return {
    key: region.code,
    title: <span title={region.code}>{region.name}</span>,
    isLeaf: !region.hasChildren,
  };
}

function withChildren(
  nodes: TreeDataNode[],
  key: string,
  children: TreeDataNode[],
): TreeDataNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

export function RegionTree({ selectedCode, onSelect }: RegionTreeProps) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<TreeDataNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [root, setRoot] = useState<string | null>(null);
  const regions = useRef(new Map<string, RegionT>());
  const pending = useRef(new Map<string, Promise<void>>());
  const box = useRef<HTMLDivElement>(null);

  const remember = useCallback((list: RegionT[]) => {
    for (const region of list) regions.current.set(region.code, region);
  }, []);

  /** Loads the children of one region once; repeated calls share the first request. */
  const loadChildren = useCallback(
    (code: string): Promise<void> => {
      const known = pending.current.get(code);
      if (known) return known;
      const loading = api.regionChildren(code).then(
        (children) => {
          remember(children);
          setNodes((current) => withChildren(current, code, children.map(toNode)));
        },
        (reason: unknown) => {
          pending.current.delete(code);
          setError(errorMessage(reason, t));
        },
      );
      pending.current.set(code, loading);
      return loading;
    },
    [remember, t],
  );

  // The tree is built once per mount; a later language change does not refetch it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    let live = true;
    api.regionChildren().then(
      (roots) => {
        if (!live) return;
        remember(roots);
        setNodes(roots.map(toNode));
        setRoot(roots[0]?.code ?? null);
        setLoading(false);
        const root = roots[0];
        if (root?.hasChildren) {
          setExpandedKeys([root.code]);
          void loadChildren(root.code);
        }
      },
      (reason: unknown) => {
        if (!live) return;
        setError(errorMessage(reason, t));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // The selected region's ancestors below the root, loaded and opened (a reload, Back, a link).
  useEffect(() => {
    if (root === null || selectedCode === root) return;
    let live = true;
    const ancestors = async (): Promise<string[]> => {
      const chain: string[] = [];
      let code = regions.current.get(selectedCode)?.parentCode ?? null;
      while (code !== null && code !== root) {
        chain.unshift(code);
        code = regions.current.get(code)?.parentCode ?? null;
      }
      if (code === root) return [root, ...chain];
      const path = (await api.region(selectedCode)).path.map((step) => step.code);
      const start = path.indexOf(root);
      return start < 0 ? [] : path.slice(start, -1);
    };
    ancestors()
      .then(async (chain) => {
        for (const code of chain) await loadChildren(code);
        if (!live) return;
        setExpandedKeys((keys) => [...new Set([...keys, ...chain])]);
        requestAnimationFrame(() =>
          box.current
            ?.querySelector(".ant-tree-treenode-selected")
            ?.scrollIntoView({ block: "nearest" }),
        );
      })
      .catch((reason: unknown) => {
        if (live) setError(errorMessage(reason, t));
      });
    return () => {
      live = false;
    };
  }, [selectedCode, root, loadChildren, t]);

  if (loading) return <Spin style={{ display: "block", margin: 24 }} />;
  return (
    <div ref={box}>
      <ErrorAlert message={error} style={{ margin: 8 }} />
      <Tree
        data-testid="region-tree"
        blockNode
        treeData={nodes}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={[selectedCode]}
        loadData={(node) => loadChildren(String(node.key))}
        onSelect={(_keys, info) => {
          const region = regions.current.get(String(info.node.key));
          if (region) onSelect({ code: region.code, name: region.name });
        }}
      />
    </div>
  );
}
