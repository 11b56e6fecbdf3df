import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, expect } from "vitest";
import { type DemoGateway, type DemoOptions, startDemo } from "../src/demo/start.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

/** POSTs a GraphQL operation to the gateway over real HTTP. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
  return { status: response.status, headers: response.headers, ...body };
}

/** A demo gateway on a free loopback port, logging nothing, with these options over that. */
export async function demo(options: DemoOptions = {}): Promise<DemoGateway> {
  const server = { port: 0, host: "127.0.0.1", ...options.server };
  return startDemo({ logLevel: "silent", ...options, server });
}

/**
 * A demo gateway for the tests of the file (or of the describe block that calls this): started
 * (with `options`, as `demo` takes them) before them and handed to `started`, closed after them.
 */
export function withDemo(started: (g: DemoGateway) => void): void;
export function withDemo(options: DemoOptions, started: (g: DemoGateway) => void): void;
export function withDemo(
  ...args: [(g: DemoGateway) => void] | [DemoOptions, (g: DemoGateway) => void]
): void {
  const [options, started] = args.length === 1 ? [{}, args[0]] : args;
  let g: DemoGateway | undefined;
  beforeAll(async () => {
    g = await demo(options);
    started(g);
  });
  afterAll(async () => {
    await g?.close();
  });
}

/** The response's data, once it is known to carry no errors (else the test fails showing them). */
export function ok<T>(r: GraphQLResponse<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** Ids unique to this run of the tests: the prefix, a random tag of the run, then a counter. */
export function uniqueIds(): (prefix: string) => string {
  const run = randomBytes(3).toString("hex");
  let n = 0;
  return (prefix) => `${prefix}${run}${(n++).toString(36)}`;
}

export const admin = (g: DemoGateway) => ({ "x-api-key": g.adminKey });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A log stream for a test's logger, and the lines written to it so far (one JSON object each). */
export function logSink(): { sink: Writable; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split("\n"));
      done();
    },
  });
  return { sink, lines };
}
