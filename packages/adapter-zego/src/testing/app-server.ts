// Test support: the gateway's part in ZEGO's callbacks, reduced to the adapter. A local
// server takes every callback the emulator sends, runs the adapter's parseWebhook on it and
// answers: a pre-send question with `decide`'s decision (preSend.answer), anything else
// with the ack. Not part of the build.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ImEvent, ModerationDecision, PreSendCheck, WebhookRequest } from "@imgraph/core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { ZegoAdapter } from "../adapter.js";

export interface AppServer {
  url: string;
  /** The gateway's decision for each pre-send question; "hang" never answers. */
  decide: (check: PreSendCheck) => ModerationDecision | "hang";
  /** The questions asked, in order. */
  checks: PreSendCheck[];
  /** Neutral events of the other callbacks, in order. */
  events: ImEvent[];
  /** Callbacks the parser refused, with their HTTP status. */
  refused: number[];
}

/** One server for a test file; `adapter()` is read per callback (it is made in a later hook). */
export function useAppServer(adapter: () => ZegoAdapter): AppServer {
  const held = new Set<() => void>();
  const s: AppServer = {
    url: "",
    decide: () => ({ action: "ALLOW" }),
    checks: [],
    events: [],
    refused: [],
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request: WebhookRequest = {
        method: req.method ?? "POST",
        query: new URL(req.url ?? "/", "http://app").searchParams,
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      };
      let ack: { status: number; contentType: string; body: string };
      try {
        const result = adapter().parseWebhook?.(request);
        if (!result) throw new Error("the adapter reads no callbacks");
        if (result.preSend) {
          s.checks.push(result.preSend.check);
          const decision = s.decide(result.preSend.check);
          if (decision === "hang") {
            held.add(() => res.destroy());
            return;
          }
          ack = result.preSend.answer(decision);
        } else {
          s.events.push(...result.events);
          ack = result.ack;
        }
      } catch {
        s.refused.push(401);
        ack = { status: 401, contentType: "text/plain", body: "refused" };
      }
      res.writeHead(ack.status, { "content-type": ack.contentType });
      res.end(ack.body);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zego`;
  });
  beforeEach(() => {
    s.decide = () => ({ action: "ALLOW" });
    s.checks.length = 0;
    s.events.length = 0;
    s.refused.length = 0;
  });
  afterAll(async () => {
    for (const drop of held) drop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  return s;
}

/** A simulated client-SDK send through the emulator (its `POST /zim-client/send`). */
export async function clientSend(
  emulatorUrl: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorUrl}/zim-client/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
