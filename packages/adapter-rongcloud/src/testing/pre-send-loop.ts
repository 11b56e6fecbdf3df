// Test support: the app server of RongCloud's message callback service, played by the
// adapter as the gateway plays it: every callback goes through parseWebhook; a pre-send
// question is answered with `decide`'s decision, anything else with its ack. Not built.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ImEvent, ModerationDecision, PreSendCheck, WebhookRequest } from "@imgraph/core";
import type { RongCloudEmulator, RongCloudEmulatorOptions } from "@imgraph/emulators";
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
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const request: WebhookRequest = {
        method: "POST",
        query: new URL(req.url ?? "/", "http://x").searchParams,
        headers: { "content-type": String(req.headers["content-type"]) },
        rawBody: body,
        receivedAt: Date.now(),
      };
      let ack: { status: number; contentType: string; body: string };
      try {
        const result = loop.im.parseWebhook(request);
        if (result.preSend) {
          loop.checks.push(result.preSend.check);
          const decision = loop.decide(result.preSend.check);
          if (decision === "hang") return;
          ack = result.preSend.answer(decision);
        } else {
          requests.push(request);
          ack = result.ack;
        }
      } catch {
        ack = { status: 401, contentType: "text/plain", body: "refused" };
      }
      res.writeHead(ack.status, { "content-type": ack.contentType });
      res.end(ack.body);
    });
  });
  loop.events = async () => {
    await loop.emu.flushCallbacks();
    return requests.flatMap((r) => loop.im.parseWebhook(r).events);
  };
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/app`;
    loop.emu = await startTestEmulator(
      { preSendTimeoutMs: 500, ...emulator },
      { callbackUrls: { routing: url, preSend: url }, moderateServerMessages: true },
    );
    loop.im = adapterFor(loop.emu);
  });
  afterAll(async () => {
    await loop.im?.close();
    await loop.emu?.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
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
