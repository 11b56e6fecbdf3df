import type { WebhookRequest } from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import {
  asWebhookRequest,
  jsonReply,
  type LocalServer,
  serveLocally,
} from "@imgraph/emulators/testing";
import { afterAll, beforeAll } from "vitest";
import type { TencentAdapter } from "../adapter.js";
import { adapterFor, startEmulator } from "./emulator.js";

/**
 * The whole callback loop for end-to-end webhook tests: an emulator whose callbacks go to a
 * local sink (which answers as an app server does), and an adapter that reads them with
 * the same token. `received` holds every callback as the gateway would hand it over.
 */
export function useCallbackLoop(token: string) {
  const received: WebhookRequest[] = [];
  let sink: LocalServer | undefined;
  let emulator: RunningEmulator | undefined;
  let adapter: TencentAdapter | undefined;

  beforeAll(async () => {
    sink = await serveLocally("/cb", (incoming) => {
      received.push(asWebhookRequest(incoming));
      return jsonReply(200, { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
    });
    emulator = await startEmulator({ callbackUrl: sink.url, callbackToken: token });
    adapter = adapterFor([emulator.url], { callbackToken: token });
  });
  afterAll(async () => {
    await adapter?.close();
    await emulator?.close();
    await sink?.close();
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
