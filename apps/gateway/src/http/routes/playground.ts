import { sendJson } from "../body.js";
import { type PlaygroundPrefill, playgroundAsset, playgroundHtml } from "../playground.js";
import type { Route } from "../route.js";

export const ASSETS_PATH = "/playground-assets";

/** The offline GraphiQL page (browsers asking the GraphQL path for HTML) and its assets. */
export function playgroundRoute(graphqlPath: string, prefill: PlaygroundPrefill = {}): Route {
  return async ({ req, res, url }) => {
    if (url.pathname.startsWith(`${ASSETS_PATH}/`)) {
      const asset = playgroundAsset(url.pathname.slice(ASSETS_PATH.length + 1));
      if (!asset) {
        sendJson(res, 404, { error: "not found" });
        return { outcome: "not_found" };
      }
      res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
      res.end(asset.body);
      return { outcome: "ok" };
    }
    if (url.pathname === graphqlPath && req.method === "GET" && wantsHtml(req.headers.accept)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        playgroundHtml({
          endpoint: graphqlPath,
          assetsPath: ASSETS_PATH,
          ...prefill,
        }),
      );
      return { outcome: "playground" };
    }
    return null;
  };
}

function wantsHtml(accept: string | undefined): boolean {
  return (accept ?? "").includes("text/html");
}
