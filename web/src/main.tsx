/** Entry point: mounts the app into #root. */
// First, before any schema parses: zod must not probe for eval under the page's CSP.
import "./zod-config.ts";
import "antd/dist/reset.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
