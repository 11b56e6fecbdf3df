/**
 * Message modification (rongcloud.md "Conversations and the message lifecycle" §2.4, U1):
 * `/message/private/modify.json` and `/message/group/modify.json`, known only from the Java
 * SDK 4.0.11. The fields are the SDK's; the rules below are the tolerant choices of U1
 * (100/s, only within 24 h of sending, same objectName, unknown msgUID → 1002).
 */
import { invalid, RcError } from "../errors.js";
import { CONTENT_MAX_BYTES, checkContent } from "../message-params.js";
import { REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";

/** How long after sending a message may be modified (the successor API's rule; unverified). */
export const MODIFY_WINDOW_MS = 24 * 3_600_000;

function modify(kind: "private" | "group"): RouteDef {
  return {
    handle({ app, p, now }: RouteContext) {
      const fromUserId = p.required("fromUserId", REF_RULE);
      const targetField = kind === "private" ? "targetId" : "groupId";
      const targetId = p.required(targetField, REF_RULE);
      const msgUID = p.required("msgUID", REF_RULE);
      const objectName = p.optional("objectName", { maxChars: 32 });
      const content = p.required("content", { maxBytes: CONTENT_MAX_BYTES });

      const msg = app.messages.get(msgUID);
      if (!msg || msg.conversationType !== (kind === "private" ? 1 : 3))
        throw new RcError(400, 1002, `msgUID does not exist: ${msgUID}`);
      if (msg.fromUserId !== fromUserId) throw invalid("fromUserId", "is not the message's sender");
      if (msg.targetId !== targetId) throw invalid(targetField, "does not match the message");
      if (msg.recalled) throw new RcError(400, 1002, `message was recalled: ${msgUID}`);
      if (now - msg.sentTime > MODIFY_WINDOW_MS)
        throw new RcError(400, 1002, "only messages sent within the last 24 hours can be modified");
      // The type stays: objectName, when given, must be the original's.
      if (objectName !== undefined && objectName !== msg.objectName)
        throw invalid("objectName", `must stay ${msg.objectName}`);
      checkContent(msg.objectName, content);
      msg.content = content;
      return undefined;
    },
  };
}

export const messageModifyRoutes: RouteTable = {
  "/message/private/modify.json": modify("private"),
  "/message/group/modify.json": modify("group"),
};
