/**
 * A file host for vendor downloads (RongCloud's hourly log zips, Tencent's hourly message
 * log .gz files). The real services hand out addresses on a separate download host, and the
 * files are binary, so they get their own small HTTP server beside the API emulator.
 */
import { createServer, type Server } from "node:http";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "./emulator.js";
import type { EmulatorContext, VendorEmulator } from "./vendor.js";

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

/**
 * Starts an emulator whose vendor hands out files: a download host first (its origin goes
 * to the vendor), then the emulator; the host serves the vendor's `download` and closes with
 * the emulator, or at once when the emulator fails to start.
 */
export async function startEmulatorWithDownloads<
  V extends VendorEmulator & { download(path: string): Buffer | undefined },
>(
  contentType: string,
  makeVendor: (ctx: EmulatorContext, downloadOrigin: string) => V,
  options: EmulatorOptions,
): Promise<{ running: RunningEmulator; vendor: V }> {
  const downloads = await startDownloadHost(contentType, options.host);
  let vendor: V | undefined;
  let running: RunningEmulator;
  try {
    running = await startEmulator((ctx) => {
      vendor = makeVendor(ctx, downloads.origin);
      return vendor;
    }, options);
  } catch (err) {
    await downloads.close();
    throw err;
  }
  const started = vendor;
  if (!started) throw new Error("the emulator was started without its vendor");
  downloads.serve((path) => started.download(path));
  return {
    vendor: started,
    running: {
      ...running,
      async close() {
        await running.close();
        await downloads.close();
      },
    },
  };
}
