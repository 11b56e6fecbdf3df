import { VendorUnavailableError } from "./errors.js";
import type { Vendor } from "./model/app.js";
import type { SentMessage } from "./model/message.js";
import { type ItemResult, itemError, itemOk } from "./results.js";

/** Why a send's answer named no message: the vendor, its words, the operation. */
export interface Unnamed {
  vendor: Vendor;
  /** e.g. "ZEGO accepted the message but gave it no MsgSeq." */
  message: string;
  operation: string;
}

/**
 * A send's result for one recipient (or group): the message's id and time. When the vendor
 * accepted the message but named no message (`messageId` empty), it was sent yet cannot be
 * recalled later: VENDOR_UNAVAILABLE says so, for that item only.
 */
export function sentItem(
  recipientId: string,
  messageId: string | undefined,
  sentAt: Date,
  unnamed: Unnamed,
): ItemResult<SentMessage> {
  if (!messageId) {
    return itemError(
      recipientId,
      new VendorUnavailableError(unnamed.vendor, unnamed.message, {
        operation: unnamed.operation,
      }),
    );
  }
  return itemOk(recipientId, { recipientId, messageId, sentAt });
}
