import type { AppRegistry } from "../../apps.js";
import { sendJson } from "../body.js";
import type { Route } from "../route.js";

/** `/healthz` (the process answers) and `/readyz` (it takes work: not while draining). */
export function healthRoute(apps: AppRegistry, ready: () => boolean): Route {
  return async ({ url, res }) => {
    if (url.pathname === "/healthz") {
      sendJson(res, 200, { status: "ok" });
      return { outcome: "ok" };
    }
    if (url.pathname === "/readyz") {
      const ok = ready();
      sendJson(res, ok ? 200 : 503, {
        status: ok ? "ready" : "draining",
        apps: apps.list().length,
      });
      return { outcome: ok ? "ok" : "draining" };
    }
    return null;
  };
}
