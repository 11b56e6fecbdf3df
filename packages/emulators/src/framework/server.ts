/**
 * The HTTP layer shared by every emulator: node:http (or node:https with a certificate)
 * with keep-alive, body reading with a size cap, the control API under /__emulator/, and
 * answers that may also be "reset the connection" or "never answer".
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TlsMaterial } from "./certificate.js";

export const CONTROL_PREFIX = "/__emulator/";
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body was larger than maxBodyBytes; `body` is then "". */
  tooLarge: boolean;
}

export type HttpOutcome =
  | { kind: "answer"; status: number; headers?: Record<string, string>; body: string }
  /** Destroy the socket without answering (client sees ECONNRESET / "socket hang up"). */
  | { kind: "reset" }
  /** Never answer: hold the request until the client gives up or the server closes. */
  | { kind: "hold" };

export interface EmulatorServerOptions {
  port?: number;
  host?: string;
  maxBodyBytes?: number;
  /** Serve HTTPS with this certificate and key (else plain HTTP). */
  tls?: TlsMaterial;
  handler: (req: RawRequest) => Promise<HttpOutcome>;
  control: (req: RawRequest) => Promise<HttpOutcome>;
}

export interface EmulatorServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Control bodies (seed data) are not subject to the vendor's cap. */
const CONTROL_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Beyond this the body is not even drained: the socket is destroyed. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const host = options.host ?? "127.0.0.1";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const listener: RequestListener = (req, res) => {
    const isControl = (req.url ?? "").startsWith(CONTROL_PREFIX);
    readBody(req, isControl ? CONTROL_MAX_BODY_BYTES : maxBody).then(
      (body) => dispatch(req, res, body, options),
      () => req.socket.destroy(),
    );
  };
  const server = options.tls
    ? createTlsServer({ keepAlive: true, cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer({ keepAlive: true }, listener);
  // Longer than typical client pools' idle timeout, so clients close first (no races).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? "https" : "http"}://${urlHost}:${port}`,
    port,
    host,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets and held ("no answer") requests alike.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function readBody(req: IncomingMessage, max: number): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        reject(new Error("body too large to drain"));
        return;
      }
      if (size <= max) chunks.push(chunk);
    });
    req.on("end", () => {
      const tooLarge = size > max;
      resolve({ text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge });
    });
    req.on("error", reject);
  });
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  body: { text: string; tooLarge: boolean },
  options: EmulatorServerOptions,
): Promise<void> {
  const rawUrl = req.url ?? "/";
  const q = rawUrl.indexOf("?");
  const raw: RawRequest = {
    method: req.method ?? "GET",
    path: q === -1 ? rawUrl : rawUrl.slice(0, q),
    query: new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1)),
    headers: req.headers,
    body: body.text,
    tooLarge: body.tooLarge,
  };
  let outcome: HttpOutcome;
  try {
    const isControl = raw.path.startsWith(CONTROL_PREFIX);
    outcome = await (isControl ? options.control(raw) : options.handler(raw));
  } catch (err) {
    // A bug in an emulator must be visible to the test, not turn into a hang.
    outcome = {
      kind: "answer",
      status: 500,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ emulatorError: (err as Error).message }),
    };
  }
  if (res.destroyed || res.writableEnded) return; // client gave up meanwhile
  if (outcome.kind === "reset") {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === "hold") return; // closeAllConnections() on close() frees it
  const headers: Record<string, string | number> = {
    ...outcome.headers,
    "content-length": Buffer.byteLength(outcome.body),
  };
  if (body.tooLarge) headers.connection = "close";
  res.writeHead(outcome.status, headers);
  res.end(outcome.body);
}
