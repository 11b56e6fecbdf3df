import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { DemoGateway } from "../src/demo/start.js";
import { withDemo } from "./helpers.js";
import { until } from "./ws-helpers.js";

/**
 * The playground's own script, run against the real graphql-ws browser build it serves:
 * a subscription typed in the playground opens a socket authenticated with the headers
 * from the headers editor and receives events. (GraphiQL itself is stubbed: its fetcher
 * hands subscriptions to the graphql-ws client it is given.)
 */
describe("playground subscriptions", () => {
  let g: DemoGateway;
  withDemo({ seed: false }, (started) => {
    g = started;
  });

  it("runs a subscription with the credentials from the headers editor", async () => {
    const html = await (await fetch(g.url, { headers: { accept: "text/html" } })).text();
    const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).pop();
    const umd = await (await fetch(new URL("/playground-assets/graphql-ws.js", g.url))).text();
    let props: { fetcher?: (p: unknown, o: unknown) => AsyncIterable<unknown> } = {};
    const sandbox: Record<string, unknown> = {
      window: { location: { href: g.url } },
      document: { getElementById: () => ({}) },
      URL,
      WebSocket,
      setTimeout,
      clearTimeout,
      Promise,
      Error,
      Symbol,
      JSON,
      Object,
      String,
      React: {
        createElement: (_c: unknown, p: typeof props) => {
          props = p;
          return null;
        },
      },
      ReactDOM: { createRoot: () => ({ render: () => undefined }) },
      GraphiQL: {
        createFetcher:
          (o: { wsClient: { iterate(p: unknown): AsyncIterable<unknown> } }) => (params: unknown) =>
            o.wsClient.iterate(params),
      },
    };
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    runInNewContext(umd, sandbox);
    runInNewContext(script as string, sandbox);
    const iterable = props.fetcher?.(
      { query: 'subscription { events(app: "rongcloud") { __typename } }' },
      { headers: { "X-API-Key": g.adminKey } },
    ) as AsyncIterable<{ data?: unknown }>;
    const iterator = iterable[Symbol.asyncIterator]();
    const first = iterator.next();
    await until(() => g.realtime.pubsub.stats().listeners === 1);
    await g.emulators[0]?.login({ userId: "alice" });
    expect((await first).value).toEqual({
      data: { events: { __typename: "PresenceChangedEvent" } },
    });
    await iterator.return?.();
    await until(() => g.realtime.pubsub.stats().listeners === 0);
  });
});
