import type { Route } from "../route.js";

/** What a page may send: credentials, content type, request id, tracing, Apollo's CSRF header. */
const ALLOWED_HEADERS =
  "authorization, content-type, x-api-key, x-request-id, apollo-require-preflight, traceparent, tracestate";
/** What a page may read: the request id, and the hints of a refusal. */
const EXPOSED_HEADERS = "x-request-id, retry-after, www-authenticate";
/** How long a browser may keep a preflight's answer (seconds). */
const MAX_AGE = "600";

/**
 * Cross-origin calls from the browser pages of `origins` (server.corsOrigins) to `path`:
 * the answer to a listed origin carries Access-Control-Allow-Origin, and its preflight is
 * answered here (204). Any other origin gets no CORS headers, so its browser keeps the
 * answer from the page. No cookies are involved: credentials travel in headers.
 */
export function corsRoute(path: string, origins: readonly string[]): Route {
  const anyOrigin = origins.includes("*");
  const listed = new Set(origins);
  return async ({ req, res, url }) => {
    if (url.pathname !== path) return null;
    if (!anyOrigin) res.setHeader("vary", "Origin");
    const origin = req.headers.origin;
    if (typeof origin !== "string" || !(anyOrigin || listed.has(origin))) return null;
    // Set here, the headers go out with whatever the GraphQL route answers next.
    res.setHeader("access-control-allow-origin", anyOrigin ? "*" : origin);
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined)
      return null;
    res.setHeader("access-control-allow-methods", "GET, POST");
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    res.setHeader("access-control-max-age", MAX_AGE);
    res.writeHead(204);
    res.end();
    return { outcome: "preflight" };
  };
}
