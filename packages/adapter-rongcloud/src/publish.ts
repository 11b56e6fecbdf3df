import { checkPushText } from "@imgraph/core";

// What RongCloud's publish endpoints (private, group, system, broadcast, chatroom) share.

/** A publish answer: one uid per recipient, group or room; one uid for a broadcast. */
export interface PublishAnswer {
  messageUIDs?: Array<{
    userId?: unknown;
    groupId?: unknown;
    chatroomId?: unknown;
    messageUID?: unknown;
  }>;
  messageUID?: unknown;
}

/** The push notification text, checked against RongCloud's limit. */
export function pushFields(pushText: string | undefined): { pushContent?: string } {
  const checked = checkPushText(pushText, 1024);
  return checked === undefined ? {} : { pushContent: checked };
}
