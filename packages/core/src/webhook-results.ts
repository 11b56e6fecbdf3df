import type { WebhookAck } from "./webhook.js";

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
 * How long a delivery's replay key is kept: a signed time is accepted from `windowSeconds`
 * before now to as long after, so a replay can come within both spans.
 */
export function replayWindowMs(windowSeconds: number): number {
  return 2 * windowSeconds * 1000;
}
