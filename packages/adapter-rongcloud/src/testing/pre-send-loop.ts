// Test support: the app server of RongCloud's message callback service, played by the
// adapter as the gateway plays it: every callback goes through parseWebhook; a pre-send
// question is answered with `decide`'s decision, anything else with its ack. Not built.
import type {
  ImEvent,
  ModerationDecision,
  PreSendCheck,
  WebhookAck,
  WebhookRequest,
} from "@imgraph/core";
import type { RongCloudEmulator, RongCloudEmulatorOptions } from "@imgraph/emulators";
import {
  asWebhookRequest,
  type LocalRequest,
  type LocalServer,
  serveLocally,
} from "@imgraph/emulators/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RongCloudAdapter } from "../adapter.js";
import { adapterFor, startTestEmulator } from "../test-support.js";

/** A decision, or "hang" to never answer (the vendor's timeout then decides). */
export type Decide = (check: PreSendCheck) => ModerationDecision | "hang";

export interface PreSendLoop {
  emu: RongCloudEmulator;
  im: RongCloudAdapter;
  /** How the next questions are answered (ALLOW before each test). */
  decide: Decide;
  /** Every question asked so far. */
  checks: PreSendCheck[];
  /** The neutral events of every other callback so far, once all are delivered. */
  events(): Promise<ImEvent[]>;
}

/**
 * One loop per test file: the emulator moderates Server API sends (the console switch) and
 * posts both the message callback and routing to the local app server.
 */
export function preSendLoop(emulator: Partial<RongCloudEmulatorOptions> = {}): PreSendLoop {
  const requests: WebhookRequest[] = [];
  const loop = { decide: () => ({ action: "ALLOW" }), checks: [] } as unknown as PreSendLoop & {
    close(): Promise<void>;
  };
  /** Where the emulator's callbacks come in: each goes through parseWebhook. */
  const answer = (incoming: LocalRequest): WebhookAck | "hang" => {
    const request = asWebhookRequest(incoming);
    try {
      const result = loop.im.parseWebhook(request);
      if (result.preSend) {
        loop.checks.push(result.preSend.check);
        const decision = loop.decide(result.preSend.check);
        return decision === "hang" ? "hang" : result.preSend.answer(decision);
      }
      requests.push(request);
      return result.ack;
    } catch {
      return { status: 401, contentType: "text/plain", body: "refused" };
    }
  };
  let server: LocalServer | undefined;
  loop.events = async () => {
    await loop.emu.flushCallbacks();
    return requests.flatMap((r) => loop.im.parseWebhook(r).events);
  };
  beforeAll(async () => {
    server = await serveLocally("/webhooks/app", answer);
    const url = server.url;
    loop.emu = await startTestEmulator(
      { preSendTimeoutMs: 500, ...emulator },
      { callbackUrls: { routing: url, preSend: url }, moderateServerMessages: true },
    );
    loop.im = adapterFor(loop.emu);
  });
  afterAll(async () => {
    await loop.im?.close();
    await loop.emu?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await loop.emu.flushCallbacks();
    loop.emu.reset();
    requests.length = 0;
    loop.checks.length = 0;
    loop.decide = () => ({ action: "ALLOW" });
  });
  return loop;
}
