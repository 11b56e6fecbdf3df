import { checkIds, checkText, type OutgoingContent } from "@imgraph/core";
import { type MsgElement, toMsgBody } from "./content.js";
import { PUSH_TEXT_MAX_BYTES, USER_ID } from "./limits.js";

/**
 * What every call of one send carries, checked and built once before the first call: the
 * sender, the MsgBody, the offline push fields and the idempotency key.
 */
export interface Outgoing {
  from: string;
  body: MsgElement[];
  /** `OfflinePushInfo` when the send has a push text; nothing otherwise. */
  push: { OfflinePushInfo?: { PushFlag: 0; Desc: string } };
  idempotencyKey: string | undefined;
  /** What the app's options ask of each send (extensions allowed, read receipts): send-flags.ts. */
  flags?: Record<string, number>;
  /** send_group_msg MsgPriority (live rooms): Tencent's default Normal when absent. */
  priority?: "High" | "Normal" | "Low";
}

/** Checks a send's sender, push text, content and idempotency key; builds what it sends. */
export function outgoing(input: {
  from: string;
  content: OutgoingContent;
  pushText?: string | undefined;
  idempotencyKey?: string | undefined;
}): Outgoing {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  if (input.idempotencyKey !== undefined) {
    checkText("idempotencyKey", input.idempotencyKey, { maxBytes: 256 });
  }
  const pushText =
    input.pushText === undefined
      ? undefined
      : checkText("pushText", input.pushText, { maxBytes: PUSH_TEXT_MAX_BYTES });
  return {
    from,
    // A custom element carries the push text as its Desc too.
    body: toMsgBody(input.content, pushText),
    push: pushText === undefined ? {} : { OfflinePushInfo: { PushFlag: 0, Desc: pushText } },
    idempotencyKey: input.idempotencyKey,
  };
}
