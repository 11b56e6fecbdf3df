import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookRequest } from "@imgraph/core";
import { type RunningEmulator, startTencentEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll } from "vitest";
import type { TencentAdapter } from "../adapter.js";
import { ADMIN, adapterFor, KEY, SDK_APP_ID } from "./emulator.js";

/**
 * The whole callback loop for end-to-end webhook tests: an emulator whose callbacks go to a
 * local sink (which answers as an app server does), and an adapter that reads them with
 * the same token. `received` holds every callback as the gateway would hand it over.
 */
export function useCallbackLoop(token: string) {
  const received: WebhookRequest[] = [];
  let sink: Server | undefined;
  let emulator: RunningEmulator | undefined;
  let adapter: TencentAdapter | undefined;

  beforeAll(async () => {
    sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({
          method: "POST",
          query: new URL(req.url ?? "/", "http://sink").searchParams,
          headers: { "content-type": "application/json" },
          rawBody: Buffer.concat(chunks).toString("utf8"),
          receivedAt: Date.now(),
        });
        res.end('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
      });
    });
    await new Promise<void>((resolve) => sink?.listen(0, "127.0.0.1", resolve));
    const port = (sink.address() as AddressInfo).port;
    emulator = await startTencentEmulator({
      host: "127.0.0.1",
      apps: [
        {
          sdkAppId: SDK_APP_ID,
          key: KEY,
          admins: [ADMIN],
          callbackUrl: `http://127.0.0.1:${port}/cb`,
          callbackToken: token,
        },
      ],
      rateLimits: false,
    });
    adapter = adapterFor([emulator.url], { callbackToken: token });
  });
  afterAll(async () => {
    await adapter?.close();
    await emulator?.close();
    await new Promise((resolve) => sink?.close(resolve));
  });

  return {
    received,
    emulator: (): RunningEmulator => {
      if (!emulator) throw new Error("the callback loop is not started");
      return emulator;
    },
    adapter: (): TencentAdapter => {
      if (!adapter) throw new Error("the callback loop is not started");
      return adapter;
    },
  };
}
