import type { MessageIdContext } from "./message-ids.js";
import type { ImEvent } from "./model/event.js";
import type { ModerationDecision, PreSendCheck } from "./model/moderation.js";

/** A vendor callback as the gateway received it, before anything is trusted. */
export interface WebhookRequest {
  method: string;
  /** The query string of the callback URL (vendors sign through it). */
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received (UTF-8). */
  rawBody: string;
  /** When it arrived, epoch ms (the reference for time windows). */
  receivedAt: number;
}

/** The answer a vendor expects from its callback URL. */
export interface WebhookAck {
  status: number;
  contentType: string;
  body: string;
}

/** A verified callback, normalized. */
export interface WebhookResult {
  /** Neutral events; empty for callbacks that map to none. */
  events: ImEvent[];
  /**
   * Identifies this delivery for replay protection (e.g. the signature or nonce). The
   * same key seen again within `replayWindowMs` is a replay (or a vendor retry) and
   * must not be published twice.
   */
  replayKey: string;
  replayWindowMs: number;
  /** What to answer the vendor once the events are accepted. */
  ack: WebhookAck;
  /**
   * Present when the callback is the vendor's pre-send check (events are then empty): the
   * gateway decides, and answers with `answer(decision)` instead of `ack`.
   */
  preSend?: PreSendQuestion;
}

/** A verified pre-send callback: the message in question, and how to answer the vendor. */
export interface PreSendQuestion {
  check: PreSendCheck;
  /**
   * The vendor's answer for a decision. A REWRITE of content that is not text is answered
   * as ALLOW by the adapter (vendors rewrite text only); `rewritten` says whether it held.
   */
  answer(decision: ModerationDecision): WebhookAck;
}

/**
 * How an adapter reads its vendor's callbacks: verify the signature and time window
 * (forged or stale → UNAUTHENTICATED ImError; malformed → BAD_USER_INPUT), then normalize.
 * Pure: no I/O, so it can run on any gateway instance.
 */
export interface WebhookReader {
  parseWebhook(request: WebhookRequest): WebhookResult;
  /** The body to answer a refused callback with (vendors differ), when not a plain 401. */
  webhookRefusal?(status: number, message: string): WebhookAck;
}

/** What a callback parser needs of an adapter's context: the id codec and the app's id. */
export type WebhookContext = MessageIdContext;

/**
 * An adapter's callback parser: its context (no more than a WebhookContext, so it stays
 * pure), its webhook options, the callback as received.
 */
export type WebhookParser<Options> = (
  ctx: WebhookContext,
  options: Options,
  request: WebhookRequest,
) => WebhookResult;
