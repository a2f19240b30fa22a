/**
 * The signed-in frame: header, menu and region tree (a sider; on a phone a drawer opened from the
 * header), and the page, which works in the region and year of the URL.
 */
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
import { Drawer, Layout, Menu, type MenuProps, Typography } from "antd";
import { useMemo, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { roleCan } from "../../../src/shared/roles.ts";
import { useSignedIn } from "../auth/session-context.tsx";
import { PageLoading } from "../components/page-loading.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { AppHeader } from "./app-header.tsx";
import { RegionTree } from "./region-tree.tsx";
import { useUrlScope } from "./url-scope.ts";
import { useNarrow } from "./use-narrow.ts";

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
  const narrow = useNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const scope = useUrlScope({ code: user.regionCode, name: user.regionName });

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

  // The menu keeps the region and year: another page opens where the user is looking.
  const go = (key: string) => {
    const path = PATHS[key] ?? "/";
    navigate(scope.ready ? `${path}?region=${scope.region.code}&year=${scope.year}` : path);
    setDrawerOpen(false);
  };
  const navigation = (
    <>
      <Menu
        mode="inline"
        selectedKeys={menuKeyOf(location.pathname)}
        items={items}
        onClick={({ key }) => go(key)}
        style={{ borderInlineEnd: 0 }}
      />
      <Typography.Text
        type="secondary"
        style={{ display: "block", padding: "16px 24px 8px", fontSize: 12 }}
      >
        {t("region.tree")}
      </Typography.Text>
      <div style={{ paddingInline: 8, paddingBottom: 16 }}>
        {scope.ready && (
          <RegionTree
            selectedCode={scope.region.code}
            onSelect={(region) => {
              scope.selectRegion(region);
              setDrawerOpen(false);
            }}
          />
        )}
      </div>
    </>
  );

  return (
    <Layout style={{ height: "100vh" }}>
      <div style={{ flexShrink: 0 }}>
        <AppHeader narrow={narrow} onMenu={() => setDrawerOpen(true)} />
      </div>
      <Layout style={{ minHeight: 0 }}>
        {narrow ? (
          <Drawer
            placement="left"
            size={280}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t("app.name")}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            {navigation}
          </Drawer>
        ) : (
          <Layout.Sider
            width={240}
            theme="light"
            style={{ borderInlineEnd: "1px solid #f0f0f0", overflow: "auto" }}
          >
            {navigation}
          </Layout.Sider>
        )}
        {/* data-location: the address the page below is drawn for (a walk that moves in the app
            waits for it before it reads the page). */}
        <Layout.Content
          style={{ padding: narrow ? 8 : 24, minWidth: 0, overflow: "auto" }}
          data-location={`${location.pathname}${location.search}`}
        >
          {scope.ready ? <Outlet context={scope} /> : <PageLoading />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
