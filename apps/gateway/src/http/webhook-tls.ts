import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { Logger } from "pino";
import type { WebhookTlsConfig } from "../config/types.js";
import { sendJson } from "./body.js";
import { listen } from "./listen.js";
import type { Route } from "./route.js";

export interface RunningWebhookTls {
  server: Server;
  /** https://host:port, for tests and the banner. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The mutual-TLS listener for vendor callbacks (Tencent's "webhook mutual authentication"):
 * HTTPS that asks every client for a certificate issued by one of the apps' CAs. The TLS
 * handshake does not fail without one — the webhook guard refuses such a callback with the
 * vendor's own refusal body, and the log says why. It serves callbacks only.
 */
export async function startWebhookTls(
  config: WebhookTlsConfig,
  clientCas: string[],
  route: Route,
  log: Logger,
): Promise<RunningWebhookTls> {
  const server = createServer(
    {
      cert: config.cert,
      key: config.key,
      ca: clientCas,
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: "TLSv1.2",
    },
    (req, res) => {
      const requestId = randomUUID();
      res.setHeader("x-request-id", requestId);
      route({ req, res, url: new URL(req.url ?? "/", "https://localhost"), requestId })
        .then((handled) => {
          if (!handled) sendJson(res, 404, { error: "not found" });
        })
        .catch((error: unknown) => {
          log.error({ requestId, err: error }, "unhandled callback error");
          if (!res.headersSent) sendJson(res, 500, { error: "internal error", requestId });
          else res.destroy();
        });
    },
  );
  const authority = await listen(server, config.port, config.host);
  return {
    server,
    origin: `https://${authority}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
