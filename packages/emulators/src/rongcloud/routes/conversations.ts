/**
 * What the server keeps about one user's conversations (rongcloud.md "Conversations and the
 * message lifecycle" §1.2, §1.3, §2.5): pin, do-not-disturb level, and clearing the user's
 * server-side history. All form POSTs at 100/s. There is no list, unread or delete endpoint.
 */
import { clearForUser, settingsOf, userHistory } from "../conversation-state.js";
import { missing } from "../errors.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";

/** unpushLevel: -1 all, 0 not set, 1 @-mentions, 2 @-me only, 4 @all only, 5 none (Go's constants). */
const UNPUSH_LEVELS = [-1, 0, 1, 2, 4, 5] as const;

/** `unpushLevel` wins over the deprecated `isMuted`; `isMuted` alone maps 1 → 5, 0 → 0 (U4). */
function readLevel(p: Params): number {
  const given = (name: string) => p.optional(name) !== undefined;
  const isMuted = given("isMuted") ? p.oneOf("isMuted", [0, 1] as const) : undefined;
  if (given("unpushLevel")) return p.oneOf("unpushLevel", UNPUSH_LEVELS);
  if (isMuted === undefined) throw missing("unpushLevel");
  return isMuted === 1 ? 5 : 0;
}

/** The user (`requestId`) and the conversation a do-not-disturb call names. */
function notificationTarget(p: Params) {
  const conversationType = p.oneOf("conversationType", [1, 3, 6, 10] as const);
  const requestId = p.required("requestId", REF_RULE);
  const targetId = p.required("targetId", REF_RULE);
  return { requestId, conversation: { conversationType, targetId } };
}

export const conversationRoutes: RouteTable = {
  "/conversation/top/set.json": {
    handle({ app, p, now }) {
      const userId = p.required("userId", REF_RULE);
      const conversationType = p.oneOf("conversationType", [1, 3, 6] as const);
      const targetId = p.required("targetId", REF_RULE);
      const top = p.bool("setTop");
      if (top === undefined) throw missing("setTop");
      // A conversation without messages may be pinned too (U10); no pin-count limit.
      settingsOf(app, userId, { conversationType, targetId }, true).top = { top, topTime: now };
      return undefined;
    },
  },

  "/conversation/notification/set.json": {
    handle({ app, p }) {
      const { requestId, conversation } = notificationTarget(p);
      const level = readLevel(p);
      p.optional("busChannel", { maxChars: 20 });
      settingsOf(app, requestId, conversation, true).unpushLevel = level;
      return undefined;
    },
  },

  "/conversation/notification/get.json": {
    handle({ app, p }) {
      const { requestId, conversation } = notificationTarget(p);
      p.optional("busChannel", { maxChars: 20 });
      // The field is named isMuted but carries the unpushLevel; never set → 0 (U4).
      const settings = settingsOf(app, requestId, conversation);
      return { isMuted: settings?.unpushLevel ?? 0 };
    },
  },

  "/conversation/message/history/clean.json": {
    feature: "cloudStorage",
    handle({ app, p }) {
      const conversationType = p.oneOf("conversationType", [1, 3, 4, 6] as const);
      const fromUserId = p.required("fromUserId", REF_RULE);
      const targetId = p.required("targetId", REF_RULE);
      // Empty, absent or 0 (the Go SDK omits 0): the whole conversation (§2.5).
      const before = p.int("msgTimestamp", { min: 0 });
      const older = (t: number) => before === undefined || before === 0 || t < before;
      if (conversationType === 4) {
        // Chatroom history is one copy: the operator clears it for everyone.
        for (const m of app.messages.values()) {
          if (m.conversationType === 4 && m.targetId === targetId && older(m.sentTime))
            m.persisted = false;
        }
        return undefined;
      }
      const mine = userHistory(app, fromUserId, { conversationType, targetId });
      clearForUser(
        app,
        fromUserId,
        mine.filter((m) => older(m.sentTime)).map((m) => m.uid),
      );
      return undefined;
    },
  },
};
