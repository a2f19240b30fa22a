/** The signed-in frame: header, sider with menu and region tree, and the page. */
import {
  AlertOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  SmileOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Layout, Menu, type MenuProps, Typography } from "antd";
import { useMemo, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { roleCan } from "../../../src/shared/roles.ts";
import { useSignedIn } from "../auth/session-context.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { AppHeader } from "./app-header.tsx";
import type { LayoutContext, SelectedRegion } from "./layout-context.ts";
import { RegionTree } from "./region-tree.tsx";

const PATHS: Record<string, string> = {
  home: "/",
  dashboard: "/dashboard",
  data: "/data",
  evaluations: "/evaluations",
  allocations: "/allocations",
  surveys: "/surveys",
  monitoring: "/monitoring",
  checks: "/checks",
  users: "/users",
  audit: "/audit",
};

function menuKeyOf(pathname: string): string[] {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path.startsWith("/data")) return ["data"];
  if (path.startsWith("/evaluation")) return ["evaluations"];
  if (path.startsWith("/allocations")) return ["allocations"];
  if (path.startsWith("/surveys")) return ["surveys"];
  return Object.keys(PATHS).filter((key) => PATHS[key] === path);
}

export function MainLayout() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  // Below the lg breakpoint (phones, narrow tablets) the sider folds away behind its toggle.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [region, setRegion] = useState<SelectedRegion>({
    code: user.regionCode,
    name: user.regionName,
  });

  const items = useMemo(() => {
    const list: MenuProps["items"] = [
      {
        key: "home",
        icon: <HomeOutlined />,
        label: <span data-testid="nav-home">{t("nav.home")}</span>,
      },
    ];
    if (roleCan(user.role, "data:read")) {
      list.push({
        key: "dashboard",
        icon: <DashboardOutlined />,
        label: <span data-testid="nav-dashboard">{t("nav.dashboard")}</span>,
      });
      list.push({
        key: "data",
        icon: <DatabaseOutlined />,
        label: <span data-testid="nav-data">{t("nav.data")}</span>,
      });
      list.push({
        key: "evaluations",
        icon: <CheckSquareOutlined />,
        label: <span data-testid="nav-evaluations">{t("nav.evaluations")}</span>,
      });
    }
    if (roleCan(user.role, "allocation:read")) {
      list.push({
        key: "allocations",
        icon: <MoneyCollectOutlined />,
        label: <span data-testid="nav-allocations">{t("nav.allocations")}</span>,
      });
    }
    if (roleCan(user.role, "survey:read")) {
      list.push({
        key: "surveys",
        icon: <SmileOutlined />,
        label: <span data-testid="nav-surveys">{t("nav.surveys")}</span>,
      });
    }
    if (roleCan(user.role, "data:read")) {
      list.push({
        key: "monitoring",
        icon: <AlertOutlined />,
        label: <span data-testid="nav-monitoring">{t("nav.monitoring")}</span>,
      });
      list.push({
        key: "checks",
        icon: <FileSearchOutlined />,
        label: <span data-testid="nav-checks">{t("nav.checks")}</span>,
      });
    }
    if (roleCan(user.role, "user:read")) {
      list.push({
        key: "users",
        icon: <TeamOutlined />,
        label: <span data-testid="nav-users">{t("nav.users")}</span>,
      });
    }
    if (roleCan(user.role, "audit:read")) {
      list.push({
        key: "audit",
        icon: <AuditOutlined />,
        label: <span data-testid="nav-audit">{t("nav.audit")}</span>,
      });
    }
    return list;
  }, [t, user.role]);

  const context: LayoutContext = { region, selectRegion: setRegion };

  return (
    <Layout style={{ height: "100vh" }}>
      {/* On a phone the header scrolls by itself rather than widening the page. */}
      <div style={{ flexShrink: 0, overflowX: narrow ? "auto" : undefined }}>
        <AppHeader />
      </div>
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          width={240}
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={setNarrow}
          style={{ borderInlineEnd: "1px solid #f0f0f0", zIndex: 10 }}
        >
          {/* The scroll sits inside the sider so that its phone toggle, outside the edge, stays visible. */}
          <div style={{ height: "100%", overflow: "auto" }}>
            <Menu
              mode="inline"
              selectedKeys={menuKeyOf(location.pathname)}
              items={items}
              onClick={({ key }) => {
                navigate(PATHS[key] ?? "/");
                if (narrow) setCollapsed(true);
              }}
              style={{ borderInlineEnd: 0 }}
            />
            <Typography.Text
              type="secondary"
              style={{ display: "block", padding: "16px 24px 8px", fontSize: 12 }}
            >
              {t("region.tree")}
            </Typography.Text>
            <div style={{ paddingInline: 8, paddingBottom: 16 }}>
              <RegionTree selectedCode={region.code} onSelect={setRegion} />
            </div>
          </div>
        </Layout.Sider>
        <Layout.Content style={{ padding: narrow ? 8 : 24, minWidth: 0, overflow: "auto" }}>
          <Outlet context={context} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
