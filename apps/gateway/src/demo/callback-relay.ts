import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Demo only: the emulators need their callback URL when they start, before the gateway
 * (which needs the emulators' URLs) listens. So they call this relay, which forwards each
 * callback verbatim — method, query, headers, body — to the gateway once its URL is known.
 */
export interface CallbackRelay {
  url: string;
  setTarget(origin: string): void;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(["host", "connection", "content-length", "keep-alive"]);

export async function startCallbackRelay(host = "127.0.0.1"): Promise<CallbackRelay> {
  let target: string | undefined;
  const server = createServer((req, res) => {
    if (!target) {
      res.writeHead(503).end(); // the emulator retries
      return;
    }
    forward(target, req)
      .then(async (answer) => {
        res.writeHead(answer.status, {
          "content-type": answer.headers.get("content-type") ?? "text/plain",
        });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    setTarget(origin) {
      target = origin;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function forward(origin: string, req: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_HEADERS.has(key)) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return fetch(new URL(req.url ?? "/", origin), {
    method: req.method ?? "POST",
    headers,
    ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
}
