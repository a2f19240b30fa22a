/** Vite build of the web app: web/ is the root, the bundle goes to web/dist, /api is proxied in dev. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = decodeURIComponent(new URL(".", import.meta.url).pathname);
/** Where `npm run dev:web` sends /api; the API server listens on 3000 unless told otherwise. */
const apiTarget = process.env.JIXIAO_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The ECharts chunk is the largest and is loaded by the dashboard alone.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one long-cached chunk. antd stays split per page.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            // ECharts (about 600 kB with the charts used) loads with the dashboard only.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": apiTarget,
    },
  },
});
