import { createHash, timingSafeEqual } from "node:crypto";
import type { GatewayMetrics } from "../../metrics.js";
import { sendJson } from "../body.js";
import type { Route } from "../route.js";
import { header } from "./graphql.js";

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics`: the Prometheus exposition, only to a caller presenting the configured
 * bearer token (compared in constant time); 401 with no metrics otherwise.
 */
export function metricsRoute(metrics: GatewayMetrics, token: string): Route {
  const expected = digest(token);
  return async ({ req, res, url }) => {
    if (url.pathname !== METRICS_PATH) return null;
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      sendJson(res, 405, { error: "method not allowed" });
      return { outcome: "bad_method" };
    }
    const match = /^Bearer (\S+)$/i.exec(header(req.headers.authorization) ?? "");
    // Digests of equal length, so the comparison takes the same time whatever was sent.
    if (!match || !timingSafeEqual(digest(match[1] as string), expected)) {
      res.setHeader("www-authenticate", 'Bearer realm="imgraph-metrics"');
      sendJson(res, 401, { error: "unauthorized" });
      return { outcome: "unauthorized" };
    }
    const { contentType, body } = await metrics.scrape();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(body);
    return { outcome: "ok" };
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
