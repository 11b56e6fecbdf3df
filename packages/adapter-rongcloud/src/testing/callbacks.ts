// Test support: RongCloud callbacks, signed as the vendor signs them or caught from the
// emulator, handed to parseWebhook as the gateway would. Not part of the build.
import type { ImEvent, WebhookRequest } from "@imgraph/core";
import type {
  RongCloudAppConfig,
  RongCloudEmulator,
  RongCloudEmulatorOptions,
} from "@imgraph/emulators";
import { asWebhookRequest, serveLocally } from "@imgraph/emulators/testing";
import { signRongCloudCallback } from "@imgraph/signing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RongCloudAdapter } from "../adapter.js";
import type { RongCloudAdapterOptions } from "../options.js";
import { adapterFor, startTestEmulator } from "../test-support.js";

/** A callback signed with `app` (at `signedAt`, by default when it is received). */
export function signedCallback(parts: {
  body: string;
  app: { appKey: string; appSecret: string };
  receivedAt: number;
  signedAt?: number;
  contentType?: string;
}): WebhookRequest {
  const { app, receivedAt } = parts;
  return {
    method: "POST",
    query: new URLSearchParams({
      ...signRongCloudCallback({ ...app, now: parts.signedAt ?? receivedAt }),
    }),
    headers: { "content-type": parts.contentType ?? "application/json" },
    rawBody: parts.body,
    receivedAt,
  };
}

interface CallbackSink {
  /** Where the emulator is to post its callbacks. */
  url: string;
  /** Every callback so far, as the gateway would hand it over. */
  received: WebhookRequest[];
  close(): Promise<void>;
}

/** A local server standing in for the app server: it keeps each callback and answers OK. */
async function startCallbackSink(): Promise<CallbackSink> {
  const received: WebhookRequest[] = [];
  const server = await serveLocally("/cb", (incoming) => {
    received.push(asWebhookRequest(incoming));
    return { status: 200, contentType: "text/plain", body: "OK" };
  });
  return { url: server.url, received, close: () => server.close() };
}

/**
 * The whole callback loop for a test file: a sink, an emulator (from `setup`, given the
 * sink's URL) that posts its callbacks there and an adapter that reads them. Before each
 * test, callbacks of earlier tests are delivered and dropped and the emulator is reset.
 */
export function callbackLoop(
  setup: (url: string) => {
    emulator?: Partial<RongCloudEmulatorOptions>;
    /** Added to the test app's settings (startTestEmulator). */
    app?: Partial<RongCloudAppConfig>;
    adapter?: Partial<RongCloudAdapterOptions>;
  },
): { emu: RongCloudEmulator; im: RongCloudAdapter; events(): Promise<ImEvent[]> } {
  let sink: CallbackSink | undefined;
  const loop = {
    /** The events of every callback the emulator has sent so far, once all are delivered. */
    events: async () => {
      await loop.emu.flushCallbacks();
      return (sink?.received ?? []).flatMap((request) => loop.im.parseWebhook(request).events);
    },
  } as { emu: RongCloudEmulator; im: RongCloudAdapter; events(): Promise<ImEvent[]> };
  beforeAll(async () => {
    sink = await startCallbackSink();
    const options = setup(sink.url);
    loop.emu = await startTestEmulator(options.emulator, options.app);
    loop.im = adapterFor(loop.emu, options.adapter);
  });
  afterAll(async () => {
    await loop.im?.close();
    await loop.emu?.close();
    await sink?.close();
  });
  beforeEach(async () => {
    await loop.emu.flushCallbacks();
    loop.emu.reset();
    if (sink) sink.received.length = 0;
  });
  return loop;
}
