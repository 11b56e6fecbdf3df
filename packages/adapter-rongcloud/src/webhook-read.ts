import {
  BadUserInputError,
  type CallbackEvents,
  type CallbackFields,
  callbackTime,
  type ImEvent,
  LIVE_ROOM_CALLBACK_EVENTS,
  type WebhookContext,
} from "@imgraph/core";
import { HOSTED_GROUP_CALLBACK_EVENTS } from "./webhook-groups.js";

// A one-to-one read receipt travels through full message routing as an `RC:ReadNtf` signal
// message from the reader to the peer (#16 reference §5.1: routing carries RC:ReadNtf;
// content `lastMessageSendTime`, `messageUId` from Web clients only, `type` 1).

export const READ_RECEIPT = "RC:ReadNtf";

/**
 * What RongCloud's callbacks report of the changes imgraph makes: one-to-one reads (full
 * message routing), for hosted groups only, role and attribute changes (webhook-groups.ts),
 * and live rooms' creation, destruction, joins and leaves (webhook-live-rooms.ts).
 * Edits, deletes and extension changes reach no callback we can rely on.
 */
export const RONGCLOUD_CALLBACK_EVENTS: CallbackEvents = {
  CONVERSATION_READ: ["USER"],
  // Full message routing carries recalls as RC:RcCmd, on every channel it routes (webhook.ts).
  MESSAGE_RECALLED: ["USER", "GROUP", "ROOM", "SYSTEM"],
  ...HOSTED_GROUP_CALLBACK_EVENTS,
  ...LIVE_ROOM_CALLBACK_EVENTS,
};

/** `reader` read the one-to-one conversation with `peer` up to the receipt's time. */
export function readReceipt(
  ctx: WebhookContext,
  reader: string,
  peer: string,
  content: string,
  at: Date,
): ImEvent {
  let c: CallbackFields;
  try {
    c = JSON.parse(content) as CallbackFields;
  } catch {
    throw new BadUserInputError("content", "A read receipt's content is not JSON.");
  }
  if (typeof c !== "object" || c === null)
    throw new BadUserInputError("content", "A read receipt's content is not an object.");
  return {
    type: "CONVERSATION_READ",
    appId: ctx.appId,
    at,
    userId: reader,
    conversation: { type: "USER", id: peer },
    readUpTo: receiptTime(c.lastMessageSendTime) ?? at,
  };
}

/**
 * The receipt's time, or null for none usable (absent, 0, or not a time a Date holds): the
 * content is the reading client's, so such a receipt is read as "up to now" (the
 * callback's time) rather than refusing the routed callback.
 */
function receiptTime(value: unknown): Date | null {
  try {
    const upTo = callbackTime(value, "lastMessageSendTime", "ms");
    return upTo.getTime() > 0 ? upTo : null;
  } catch {
    return null;
  }
}
