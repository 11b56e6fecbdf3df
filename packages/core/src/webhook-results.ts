import type { WebhookAck, WebhookResult } from "./webhook.js";

// The parts of a parsed callback's result that do not depend on its events: the answer the
// vendor expects, and how long its replay key is kept.

/** A 200 answer with a plain-text body. */
export function textAck(body: string): WebhookAck {
  return { status: 200, contentType: "text/plain; charset=utf-8", body };
}

/** An answer with a JSON body (for acks and refusals alike). */
export function jsonAck(status: number, value: unknown): WebhookAck {
  return { status, contentType: "application/json; charset=utf-8", body: JSON.stringify(value) };
}

/**
 * How a delivery is told apart for replay protection: `vendor:app:delivery`, where
 * `delivery` is what the vendor's signature makes unique to one delivery (a retry resends
 * it). The key is kept for as long as the signed time is accepted: from `windowSeconds`
 * before now to as long after, so a replay can come within both spans.
 */
export function deliveryReplay(
  vendor: string,
  app: string | number,
  delivery: string,
  windowSeconds: number,
): Pick<WebhookResult, "replayKey" | "replayWindowMs"> {
  return { replayKey: `${vendor}:${app}:${delivery}`, replayWindowMs: 2 * windowSeconds * 1000 };
}
