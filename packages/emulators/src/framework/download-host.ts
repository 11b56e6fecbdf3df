/**
 * A file host for vendor downloads (RongCloud's hourly log zips, Tencent's hourly message
 * log .gz files). The real services hand out addresses on a separate download host, and the
 * files are binary, so they get their own small HTTP server beside the API emulator.
 */
import { createServer, type Server } from "node:http";

export interface DownloadHost {
  /** e.g. "http://127.0.0.1:40123" */
  readonly origin: string;
  /** Answers GET paths with the bytes `find` gives, 404 otherwise (unknown or expired). */
  serve(find: (path: string) => Buffer | undefined): void;
  close(): Promise<void>;
}

/** One host serves one vendor's files, so the content type is the host's (e.g. application/zip). */
export function startDownloadHost(contentType: string, host = "127.0.0.1"): Promise<DownloadHost> {
  let find: (path: string) => Buffer | undefined = () => undefined;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://host").pathname;
    const bytes = req.method === "GET" || req.method === "HEAD" ? find(path) : undefined;
    if (!bytes) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    res.writeHead(200, {
      "content-type": contentType,
      "content-length": bytes.length,
    });
    res.end(req.method === "HEAD" ? undefined : bytes);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        origin: `http://${urlHost}:${port}`,
        serve: (f) => {
          find = f;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
