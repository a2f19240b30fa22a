/**
 * A region picker for forms: starts at the user's own region and loads one level per expand; typing
 * searches every region below by name or code. Enter never picks the root (the user's own region):
 * that takes a click, so a stray Enter on an empty search cannot grant the widest scope.
 */
import { App, TreeSelect, Typography } from "antd";
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import type { RegionMatchT, RegionT } from "../../../src/shared/schemas.ts";
import { api } from "../api/endpoints.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

/** What the picker knows of a chosen region (the form asks before granting a high level). */
export interface PickedRegion {
  code: string;
  name: string;
  level: RegionT["level"];
  /** The picker's root: the signed-in user's own region. */
  isRoot: boolean;
}

interface RegionTreeSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Called with the chosen region's name and level (undefined when cleared). */
  onPick?: (region: PickedRegion | undefined) => void;
  /** Name of the initial value, shown before its branch of the tree is loaded. */
  initialLabel?: string;
  placeholder?: string;
  "data-testid"?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: ReactNode;
  isLeaf: boolean;
  /** What the list matches the typed text against, so Enter takes the first match. */
  match?: string;
}

const SEARCH_DELAY_MS = 250;

function toNode(region: RegionT): Node {
  return {
    id: region.code,
    pId: region.parentCode,
    value: region.code,
    title: <span title={region.code}>{region.name}</span>,
    isLeaf: !region.hasChildren,
  };
}

function matchNode(region: RegionMatchT, typed: string): Node {
  return {
    id: region.code,
    pId: null,
    value: region.code,
    isLeaf: true,
    match: typed,
    title: (
      <span title={region.code} data-region={region.code}>
        {region.name}
        {region.parents.length > 0 && (
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {region.parents.join(" / ")}
          </Typography.Text>
        )}
      </span>
    ),
  };
}

export function RegionTreeSelect({
  value,
  onChange,
  onPick,
  initialLabel,
  placeholder,
  "data-testid": testId,
}: RegionTreeSelectProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [rootCode, setRootCode] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [matches, setMatches] = useState<Node[] | null>(null);
  const [searching, setSearching] = useState(false);
  const known = useRef(new Map<string, { name: string; level?: RegionT["level"] }>());
  const loaded = useRef(new Set<string>());
  /** The key that made the last choice: a choice by Enter may not be the root. */
  const lastKey = useRef<string | null>(null);
  /** Whether the arrow keys moved through the matches of the current search. */
  const navigated = useRef(false);
  const [open, setOpen] = useState(false);

  if (value && initialLabel && !known.current.has(value)) {
    known.current.set(value, { name: initialLabel });
  }

  const remember = useCallback((regions: RegionT[]) => {
    for (const r of regions) known.current.set(r.code, { name: r.name, level: r.level });
  }, []);

  const add = useCallback(
    (regions: RegionT[]) => {
      remember(regions);
      setNodes((current) => {
        const ids = new Set(current.map((node) => node.id));
        return [...current, ...regions.filter((r) => !ids.has(r.code)).map(toNode)];
      });
    },
    [remember],
  );

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

  useEffect(() => {
    const typed = search.trim();
    if (typed === "") {
      setMatches(null);
      setSearching(false);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      api.regionSearch(typed).then(
        (found) => {
          if (!live) return;
          remember(found);
          setMatches(found.map((r) => matchNode(r, search)));
          setSearching(false);
        },
        () => {
          if (!live) return;
          setMatches([]);
          setSearching(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, remember]);

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

  const choose = (code: string | undefined) => {
    const byEnter = lastKey.current === "Enter";
    lastKey.current = null;
    if (code !== undefined && code === rootCode && byEnter) {
      const name = known.current.get(code)?.name ?? code;
      void message.info(t("region.rootByEnter", { name }));
      return;
    }
    setSearch("");
    onChange?.(code);
    if (!onPick) return;
    const region = code === undefined ? undefined : known.current.get(code);
    onPick(
      code === undefined || region?.level === undefined
        ? undefined
        : { code, name: region.name, level: region.level, isRoot: code === rootCode },
    );
  };

  const searchingNow = search.trim() !== "";
  const treeData = searchingNow ? (matches ?? []) : nodes;
  return (
    <div
      data-testid={testId}
      onKeyDownCapture={(event: KeyboardEvent) => {
        lastKey.current = event.key;
        if (event.key.startsWith("Arrow")) navigated.current = true;
        // The list finds its first match when the text changes, before the server has answered:
        // Enter on a search takes the first match unless the arrow keys chose another.
        const first = matches?.[0];
        if (event.key === "Enter" && searchingNow && !navigated.current) {
          event.preventDefault();
          event.stopPropagation();
          if (first) {
            choose(first.value);
            setOpen(false);
          }
        }
      }}
      onMouseDownCapture={() => {
        lastKey.current = null;
      }}
    >
      <TreeSelect<{ value: string; label: string } | null>
        style={{ width: "100%" }}
        showSearch
        searchValue={search}
        onSearch={(text) => {
          navigated.current = false;
          setSearch(text);
        }}
        open={open}
        onOpenChange={setOpen}
        autoClearSearchValue
        filterTreeNode={false}
        treeNodeFilterProp="match"
        notFoundContent={searchingNow && !searching ? t("region.searchEmpty") : undefined}
        loading={searching}
        labelInValue
        treeDataSimpleMode
        treeData={treeData}
        treeDefaultExpandedKeys={rootCode ? [rootCode] : []}
        loadData={searchingNow ? undefined : loadData}
        placeholder={placeholder ?? t("region.searchPlaceholder")}
        // null, not undefined: the field stays controlled, so a refused choice is not shown either
        value={value ? { value, label: known.current.get(value)?.name ?? value } : null}
        onChange={(next) => choose(next?.value)}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { minWidth: 280, maxHeight: 400, overflow: "auto" } } }}
      />
    </div>
  );
}
