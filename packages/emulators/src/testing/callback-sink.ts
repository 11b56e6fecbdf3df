/**
 * A local HTTP server that records callbacks (webhooks) sent by an emulator. `respond`
 * decides each answer: a status, or "hang" to never answer (timeout tests).
 */
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { serveLocally } from "./local-server.js";

export interface ReceivedCallback {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CallbackSink {
  url: string;
  received: ReceivedCallback[];
  respond: (n: number, cb: ReceivedCallback) => number | "hang";
  /** Resolves when at least `count` callbacks have arrived (or rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

export async function startCallbackSink(): Promise<CallbackSink> {
  const sink = newSink();
  await listen(sink);
  return sink;
}

/**
 * One sink for a test file: listening before its first test (so an emulator started in a
 * later beforeAll can be given `sink.url`), emptied and answering 200 before each test,
 * closed after the file (after the emulators, whose afterAll hooks run first).
 */
export function useCallbackSink(): CallbackSink {
  const sink = newSink();
  beforeAll(() => listen(sink));
  beforeEach(() => {
    sink.received.length = 0;
    sink.respond = () => 200;
  });
  afterAll(() => sink.close());
  return sink;
}

function newSink(): CallbackSink {
  const sink: CallbackSink = {
    url: "",
    received: [],
    respond: () => 200,
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} callbacks, got ${sink.received.length}`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return sink.received;
    },
    close: async () => {},
  };
  return sink;
}

/** Serves `sink` on a free local port and fills in its url and close. */
async function listen(sink: CallbackSink): Promise<void> {
  const server = await serveLocally("/hook", (request) => {
    const cb: ReceivedCallback = {
      method: request.method,
      path: request.url.pathname,
      query: request.url.searchParams,
      headers: request.headers,
      body: request.body,
    };
    sink.received.push(cb);
    const answer = sink.respond(sink.received.length, cb);
    if (answer === "hang") return "hang";
    return { status: answer, contentType: "text/plain", body: "ok" };
  });
  sink.url = server.url;
  sink.close = () => server.close();
}
