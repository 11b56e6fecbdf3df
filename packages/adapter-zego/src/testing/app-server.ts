// Test support: the gateway's part in ZEGO's callbacks, reduced to the adapter. A local
// server takes every callback the emulator sends, runs the adapter's parseWebhook on it and
// answers: a pre-send question with `decide`'s decision (preSend.answer), anything else
// with the ack. Not part of the build.
import type { ImEvent, ModerationDecision, PreSendCheck, WebhookAck } from "@imgraph/core";
import { asWebhookRequest, useLocalServer } from "@imgraph/emulators/testing";
import type { ZegoAdapter } from "../adapter.js";

export { clientSend } from "@imgraph/emulators/testing";

export interface AppServer {
  readonly url: string;
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
  const server = useLocalServer(
    "/webhooks/zego",
    (request): WebhookAck | "hang" => {
      try {
        const result = adapter().parseWebhook?.(asWebhookRequest(request));
        if (!result) throw new Error("the adapter reads no callbacks");
        if (result.preSend) {
          s.checks.push(result.preSend.check);
          const decision = s.decide(result.preSend.check);
          return decision === "hang" ? "hang" : result.preSend.answer(decision);
        }
        s.events.push(...result.events);
        return result.ack;
      } catch {
        s.refused.push(401);
        return { status: 401, contentType: "text/plain", body: "refused" };
      }
    },
    () => {
      s.decide = () => ({ action: "ALLOW" });
      s.checks.length = 0;
      s.events.length = 0;
      s.refused.length = 0;
    },
  );
  const s: AppServer = {
    get url() {
      return server.url;
    },
    decide: () => ({ action: "ALLOW" }),
    checks: [],
    events: [],
    refused: [],
  };
  return s;
}
