/** History query v3 (§2.3.6): JSON, time bounded, needs cloud storage. */
import { isCleared } from "../conversation-state.js";
import { currentExtraContent } from "../expansion-state.js";
import { REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";
import type { StoredMessage } from "../state.js";

type Kind = "private" | "group" | "chatroom";

function inConversation(kind: Kind, m: StoredMessage, userId: string, targetId: string): boolean {
  if (!m.persisted) return false;
  switch (kind) {
    case "private":
      return (
        m.conversationType === 1 &&
        ((m.fromUserId === userId && m.targetId === targetId) ||
          (m.fromUserId === targetId && m.targetId === userId))
      );
    case "group":
      return m.conversationType === 3 && m.targetId === targetId;
    case "chatroom":
      return m.conversationType === 4 && m.targetId === targetId;
  }
}

/**
 * A recalled message shows as its `RC:RcNtf` recall notice, or not at all with
 * isDelete=1 (how cloud history shows recalls is unverified).
 */
function view(m: StoredMessage) {
  const recalled = m.recalled;
  return {
    targetId: m.targetId,
    fromUserId: m.fromUserId,
    messageUID: m.uid,
    msgTime: m.sentTime,
    objectName: recalled ? "RC:RcNtf" : m.objectName,
    content: recalled
      ? JSON.stringify({
          operatorId: recalled.by,
          recallTime: recalled.at,
          originalObjectName: m.objectName,
        })
      : m.content,
    expansion: m.expansion,
    // JSON string like `content` ("" when none; representation unverified).
    extraContent: extraContentOf(m),
    busChannel: m.busChannel,
  };
}

/** The extension keys as they are now (after expansion calls), like `content` a JSON string. */
function extraContentOf(m: StoredMessage): string {
  const extra = currentExtraContent(m);
  return extra ? JSON.stringify(extra) : "";
}

function query(kind: Kind): RouteDef {
  return {
    json: true,
    feature: "cloudStorage",
    handle({ app, p }: RouteContext) {
      const userId = p.required("userId", REF_RULE);
      const targetId = p.required("targetId", REF_RULE);
      const startTime = p.int("startTime", { required: true, min: 0 });
      const endTime = p.int("endTime", { required: true, min: 0 });
      const pageSize = p.int("pageSize", { min: 1, max: 100 }) ?? 10;
      const includeStart = p.bool("includeStart");
      if (includeStart === undefined) p.required("includeStart");
      const busChannel = p.optional("busChannel") ?? "";
      // startTime after endTime pages backwards in time (tolerant reading; unverified).
      const forward = startTime <= endTime;
      const inWindow = (t: number) =>
        forward
          ? (includeStart ? t >= startTime : t > startTime) && t <= endTime
          : (includeStart ? t <= startTime : t < startTime) && t >= endTime;
      const data = [...app.messages.values()]
        .filter((m) => inConversation(kind, m, userId, targetId) && m.busChannel === busChannel)
        .filter((m) => inWindow(m.sentTime) && !m.recalled?.isDelete)
        // The user's own copy: what they cleared (clean.json) is gone for them only.
        .filter((m) => !isCleared(app, userId, m.uid))
        .sort((a, b) => (forward ? a.sentTime - b.sentTime : b.sentTime - a.sentTime))
        .slice(0, pageSize)
        .map(view);
      return { data };
    },
  };
}

export const historyRoutes: RouteTable = {
  "/v3/message/private/query.json": query("private"),
  "/v3/message/group/query.json": query("group"),
  "/v3/message/chatroom/query.json": query("chatroom"),
};
