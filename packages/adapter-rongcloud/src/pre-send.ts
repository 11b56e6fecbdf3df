/**
 * The message callback service (消息回调服务, vendor reference #18 §1): RongCloud posts a
 * message before delivering it and waits for `{pass, replaceContent, extra}`. Read from a
 * callback webhook.ts has already verified; answers each neutral decision the vendor's way.
 */
import {
  BadUserInputError,
  type Conversation,
  callbackRefused,
  jsonAck,
  type ModerationDecision,
  type PreSendQuestion,
  type WebhookAck,
  type WebhookContext,
} from "@imgraph/core";
import { fromRongCloud } from "./content.js";

/** The channel types the service asks about that have a neutral conversation. */
const CONVERSATIONS: Record<string, Conversation["type"]> = {
  PERSON: "USER",
  GROUP: "GROUP",
  TEMPGROUP: "ROOM",
};

/** `msgType` + `messageId` and no routing `msgUID`: the message callback's fields. */
export function isPreSend(fields: URLSearchParams): boolean {
  return fields.has("msgType") && fields.has("messageId") && !fields.has("msgUID");
}

/** The question, or null for a channel without a neutral conversation (ultra groups...). */
export function preSendQuestion(
  _ctx: WebhookContext,
  appKey: string,
  fields: URLSearchParams,
): PreSendQuestion | null {
  // The body names the app (the query does not, for this callback): another app's is not ours.
  const bodyKey = fields.get("appKey");
  if (bodyKey && bodyKey !== appKey)
    throw callbackRefused("RongCloud", "it is for another app key");
  const type = CONVERSATIONS[fields.get("channelType") ?? ""];
  if (!type) return null;
  const msgType = required(fields, "msgType");
  const raw = fields.get("content") ?? "";
  return {
    check: {
      senderId: required(fields, "fromUserId"),
      conversation: { type, id: required(fields, "targetId") },
      content: fromRongCloud(msgType, raw),
      vendorMessageKey: required(fields, "messageId"),
    },
    answer: (decision) => answer(decision, msgType, raw),
  };
}

/** What RongCloud does with no answer, so also the answer to a channel we do not moderate. */
export const DELIVER: WebhookAck = jsonAck(200, { pass: 1 });

function answer(decision: ModerationDecision, msgType: string, raw: string): WebhookAck {
  switch (decision.action) {
    case "ALLOW":
      return DELIVER;
    case "BLOCK":
      // `extra` reaches the sender's client with the blocked-message notice (where enabled).
      return jsonAck(200, { pass: 0, extra: decision.reason });
    case "REWRITE": {
      const body = textBody(msgType, raw);
      // RongCloud rewrites whole contents; we rewrite text only, keeping its other fields.
      if (!body) return DELIVER;
      return jsonAck(200, {
        pass: 1,
        replaceContent: JSON.stringify({ ...body, content: decision.text }),
      });
    }
  }
}

function textBody(msgType: string, raw: string): Record<string, unknown> | null {
  if (msgType !== "RC:TxtMsg") return null;
  try {
    const body = JSON.parse(raw) as unknown;
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function required(fields: URLSearchParams, name: string): string {
  const value = fields.get(name);
  if (!value || value.length > 256)
    throw new BadUserInputError(name, `${name} is missing or too long.`);
  return value;
}
