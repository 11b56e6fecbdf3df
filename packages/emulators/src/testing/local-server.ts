/**
 * Test support: a local HTTP server standing for the app's server that an emulator calls
 * back. `handle` reads each request (its whole body as text) and gives the reply, or
 * "hang" to never answer (the caller's timeout then decides).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface LocalRequest {
  method: string;
  /** Path and query, against the base `http://local`. */
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A received callback as the gateway hands it to an adapter's parseWebhook (core's
 * WebhookRequest, which this package does not import): method, query, headers and body as
 * they arrived, stamped now.
 */
export function asWebhookRequest(incoming: LocalRequest) {
  return {
    method: incoming.method || "POST",
    query: incoming.url.searchParams,
    headers: incoming.headers,
    rawBody: incoming.body,
    receivedAt: Date.now(),
  };
}

export interface LocalReply {
  status: number;
  contentType: string;
  body: string;
}

export type LocalHandler = (request: LocalRequest) => LocalReply | "hang";

export interface LocalServer {
  /** The server's address with `path` appended. */
  url: string;
  /** Drops the hung requests and stops the server. */
  close(): Promise<void>;
}

/** Serves `handle` on a free port of 127.0.0.1. */
export async function serveLocally(path: string, handle: LocalHandler): Promise<LocalServer> {
  const held = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = handle({
        method: req.method ?? "",
        url: new URL(req.url ?? "/", "http://local"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (reply === "hang") {
        held.add(() => res.destroy());
        return;
      }
      res.writeHead(reply.status, { "content-type": reply.contentType });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: async () => {
      for (const drop of held) drop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * One server for a test file: listening before its first test (so an emulator started in
 * a later beforeAll can be given the url), `reset` before each test, closed after the file.
 * The url is read from the returned object once the file's beforeAll hooks have run.
 */
export function useLocalServer(
  path: string,
  handle: LocalHandler,
  reset: () => void,
): { readonly url: string } {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await serveLocally(path, handle);
  });
  beforeEach(reset);
  afterAll(() => server?.close());
  return {
    get url() {
      return server?.url ?? "";
    },
  };
}

/** A JSON reply. */
export function jsonReply(status: number, json: unknown): LocalReply {
  return { status, contentType: "application/json", body: JSON.stringify(json) };
}
