/**
 * Recall (§2.3.4). The recall itself travels as an `RC:RcCmd` message, which is what the
 * routing callback shows. Broadcast recall: `/message/broadcast/recall.json`.
 */
import { invalid, RcError } from "../errors.js";
import { messageUid } from "../ids.js";
import { REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import type { StoredMessage } from "../state.js";
import { broadcastLimit } from "./messages.js";

export const recallRoutes: RouteTable = {
  "/message/recall.json": {
    handle({ app, p, now, callbacks }) {
      const fromUserId = p.required("fromUserId", REF_RULE);
      const conversationType = p.oneOf("conversationType", [1, 3, 4, 6, 10] as const);
      const targetId = p.required("targetId", REF_RULE);
      const messageUID = p.required("messageUID");
      // Required by the docs (Java treats it as optional); checked against the message.
      const sentTime = p.int("sentTime", { required: true, min: 0 });
      const isAdmin = p.flag("isAdmin", 0);
      const isDelete = p.flag("isDelete", 0);
      p.bool("disablePush", false);
      p.bool("disableUpdateLastMsg", false);
      const extra = p.optional("extra");

      const msg = app.messages.get(messageUID);
      // Unknown UID: the real code is unverified; answered as a parameter error.
      if (!msg) throw new RcError(400, 1002, `messageUID does not exist: ${messageUID}`);
      if (msg.conversationType !== conversationType)
        throw invalid("conversationType", "does not match the message");
      if (msg.targetId !== targetId) throw invalid("targetId", "does not match the message");
      if (msg.sentTime !== sentTime) throw invalid("sentTime", "does not match the message");
      if (msg.fromUserId !== fromUserId && isAdmin !== 1)
        throw invalid("fromUserId", "is not the sender (use isAdmin=1)");
      if (msg.recalled) throw new RcError(400, 1002, `message already recalled: ${messageUID}`);
      msg.recalled = { at: now, by: fromUserId, isDelete: isDelete === 1 };

      const command: StoredMessage = {
        uid: messageUid(),
        sentTime: now,
        fromUserId,
        targetId,
        conversationType: msg.conversationType,
        objectName: "RC:RcCmd",
        content: JSON.stringify({
          conversationType,
          targetId,
          messageUId: messageUID,
          sentTime,
          isAdmin,
          isDelete,
          ...(extra !== undefined ? { extra } : {}),
        }),
        persisted: false,
        expansion: false,
        busChannel: "",
      };
      callbacks.routeMessage(app, command);
      return undefined;
    },
  },

  "/message/broadcast/recall.json": {
    feature: "broadcast",
    limit: broadcastLimit,
    handle({ app, p }) {
      const fromUserId = p.required("fromUserId", REF_RULE);
      const messageUID = p.required("messageUID");
      const sentTime = p.int("sentTime", { required: true, min: 0 });
      const isAdmin = p.flag("isAdmin", 0);
      p.flag("isDelete", 0);
      p.optional("extra");
      const b = app.broadcasts.get(messageUID);
      if (!b || b.kind !== "all")
        throw new RcError(400, 1002, `messageUID is not a broadcast message: ${messageUID}`);
      if (b.sentTime !== sentTime) throw invalid("sentTime", "does not match the message");
      if (b.fromUserId !== fromUserId && isAdmin !== 1)
        throw invalid("fromUserId", "is not the sender (use isAdmin=1)");
      if (b.recalled) throw new RcError(400, 1002, `message already recalled: ${messageUID}`);
      b.recalled = true;
      return undefined;
    },
  },
};
