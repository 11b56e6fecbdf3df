import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * GraphiQL served from local files (no CDN): the playground works with no internet.
 * Assets come from the graphiql and react packages' own builds.
 */
const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": {
    file: packageFile("react", "umd/react.production.min.js"),
    type: "text/javascript",
  },
  "react-dom.js": {
    file: packageFile("react-dom", "umd/react-dom.production.min.js"),
    type: "text/javascript",
  },
  "graphiql.js": { file: packageFile("graphiql", "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: packageFile("graphiql", "graphiql.min.css"), type: "text/css" },
  // GraphiQL's fetcher runs subscriptions through a graphql-ws client it is handed.
  "graphql-ws.js": {
    file: packageFile("graphql-ws", "umd/graphql-ws.min.js"),
    type: "text/javascript",
  },
};

const cache = new Map<string, Buffer>();

/** A playground asset by name, or undefined. */
export function playgroundAsset(name: string): { body: Buffer; type: string } | undefined {
  // Own names only: "constructor" and the like are not assets.
  if (!Object.hasOwn(ASSETS, name)) return undefined;
  const asset = ASSETS[name] as (typeof ASSETS)[string];
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(asset.file);
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

export interface PlaygroundOptions {
  /** Path the GraphQL endpoint is served at. */
  endpoint: string;
  /** Base path of the assets. */
  assetsPath: string;
  /** Headers to prefill (demo mode: the demo admin key). */
  headers?: Record<string, string>;
  /** The first query shown (demo mode: one over the demo data). */
  query?: string;
}

/** What the playground prefills, where the gateway is started with it (demo mode). */
export type PlaygroundPrefill = Pick<PlaygroundOptions, "headers" | "query">;

const DEFAULT_QUERY =
  "# imgraph: one GraphQL API over RongCloud, Tencent Cloud Chat and ZEGOCLOUD.\n{\n  viewer { role userId }\n  apps { id vendor region capabilities }\n}\n";

export function playgroundHtml(options: PlaygroundOptions): string {
  const config = JSON.stringify({
    endpoint: options.endpoint,
    headers: options.headers ?? {},
    query: options.query ?? DEFAULT_QUERY,
  }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>imgraph playground</title>
<link rel="stylesheet" href="${options.assetsPath}/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script src="${options.assetsPath}/react.js"></script>
<script src="${options.assetsPath}/react-dom.js"></script>
<script src="${options.assetsPath}/graphiql.js"></script>
<script src="${options.assetsPath}/graphql-ws.js"></script>
<script>
(function () {
  var config = ${config};
  var url = new URL(config.endpoint, window.location.href);
  var wsUrl = url.href.replace(/^http/, "ws");
  // Subscriptions go over graphql-ws, authenticated with the credentials typed in the
  // headers editor (sent as connection_init params); one socket per set of credentials.
  var current = { key: null, fetcher: null, ws: null };
  function fetcherFor(headers) {
    var params = {};
    Object.keys(headers || {}).forEach(function (name) {
      var lower = name.toLowerCase();
      if (lower === "authorization" || lower === "x-api-key") params[lower] = String(headers[name]);
    });
    var key = JSON.stringify(params);
    if (current.key !== key) {
      if (current.ws) current.ws.dispose();
      current.ws = graphqlWs.createClient({ url: wsUrl, connectionParams: params, lazy: true });
      current.fetcher = GraphiQL.createFetcher({ url: url.href, wsClient: current.ws });
      current.key = key;
    }
    return current.fetcher;
  }
  var fetcher = function (params, opts) {
    return fetcherFor(opts && opts.headers)(params, opts);
  };
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify(config.headers, null, 2),
    shouldPersistHeaders: false,
    defaultQuery: config.query
  }));
})();
</script>
</body>
</html>
`;
}
