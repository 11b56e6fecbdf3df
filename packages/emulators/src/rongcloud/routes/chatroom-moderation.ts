/**
 * Chatroom moderation (#17 §2.5–2.7, §2.9–2.10): timed blocks (which remove the user at
 * once) and gags, mute-all with its exceptions, the user whitelist and keep-alive. Blocks and
 * gags are kept by room id, so a room that does not exist takes them (§U9); the rest
 * belong to an existing room (23410 otherwise).
 */

import { activeUntil, leaveChatroom, restrict } from "../chatroom-state.js";
import { invalid, RcError } from "../errors.js";
import { formatTime } from "../ids.js";
import { type Params, REF_RULE } from "../params.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { AppState } from "../state.js";
import { existing, swept } from "./chatroom-common.js";

const USERS = { required: true, max: 20, ...REF_RULE };

/** `needNotify` and its `extra` (a JSON string, only with needNotify): read and checked. */
function notifyFields(p: Params): void {
  const notify = p.bool("needNotify", false);
  const extra = p.optional("extra");
  if (extra !== undefined && !notify) throw invalid("extra", "needs needNotify=true");
}

type Lists = (app: AppState) => Map<string, Map<string, number>>;

/** add / rollback / list of a timed per-room restriction (block or gag). */
function timed(base: string, lists: Lists, onAdd?: (ctx: RouteContext, ids: string[]) => void) {
  return {
    [`${base}/add.json`]: swept({
      handle(ctx) {
        const { app, p, now } = ctx;
        const chatroomId = p.required("chatroomId", REF_RULE);
        const userIds = p.list("userId", USERS);
        const minute = p.int("minute", { required: true, min: 1, max: 43_200 });
        notifyFields(p);
        restrict(lists(app), chatroomId, userIds, now + minute * 60_000);
        onAdd?.(ctx, userIds);
        return undefined;
      },
    }),
    [`${base}/rollback.json`]: swept({
      handle({ app, p }) {
        const chatroomId = p.required("chatroomId", REF_RULE);
        const userIds = p.list("userId", USERS);
        notifyFields(p);
        for (const u of userIds) lists(app).get(chatroomId)?.delete(u);
        return undefined;
      },
    }),
    [`${base}/list.json`]: swept({
      handle({ app, p, now }) {
        const chatroomId = p.required("chatroomId", REF_RULE);
        const list = activeUntil(lists(app), chatroomId, now);
        // The end of each restriction, in the data centre's zone (§2.5).
        return {
          users: [...list].map(([userId, until]) => ({
            userId,
            time: formatTime(until, app.config.tzOffsetMs),
          })),
        };
      },
    }),
  };
}

/** Present blocked users are removed at once: status callback type 2, status 2. */
const removeBlocked = ({ app, p, now, callbacks }: RouteContext, ids: string[]) =>
  leaveChatroom(app, p.required("chatroomId", REF_RULE), ids, 2, now, callbacks);

export const chatroomModerationRoutes: RouteTable = {
  ...timed("/chatroom/user/block", (app) => app.chatroomBlocks, removeBlocked),
  ...timed("/chatroom/user/gag", (app) => app.chatroomGags),

  "/chatroom/ban/add.json": swept({
    handle({ app, p }) {
      notifyFields(p);
      existing(app, p.required("chatroomId", REF_RULE)).ban = true;
      return undefined;
    },
  }),
  "/chatroom/ban/rollback.json": swept({
    handle({ app, p }) {
      notifyFields(p);
      const ids = p.list("chatroomId", { required: true, ...REF_RULE });
      for (const id of ids) existing(app, id).ban = false;
      return undefined;
    },
  }),
  "/chatroom/ban/check.json": swept({
    handle({ app, p }) {
      return { status: existing(app, p.required("chatroomId", REF_RULE)).ban ? 1 : 0 };
    },
  }),
  "/chatroom/ban/query.json": swept({
    emptyOk: true,
    handle({ app, p }) {
      const page = p.int("page", { min: 1 }) ?? 1;
      const size = p.int("size", { min: 1, max: 1000 }) ?? 50;
      const ids = [...app.chatrooms.values()].filter((r) => r.ban).map((r) => r.id);
      return { chatroomIds: ids.slice((page - 1) * size, page * size) };
    },
  }),

  // Mute-all exceptions (≤20 a room).
  "/chatroom/user/ban/whitelist/add.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const after = new Set([...room.whiteUserIds, ...p.list("userId", USERS)]);
      notifyFields(p);
      if (after.size > 20) throw new RcError(400, 1002, "a chatroom has at most 20 exceptions");
      room.whiteUserIds = [...after];
      return undefined;
    },
  }),
  "/chatroom/user/ban/whitelist/rollback.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const gone = new Set(p.list("userId", USERS));
      notifyFields(p);
      room.whiteUserIds = room.whiteUserIds.filter((u) => !gone.has(u));
      return undefined;
    },
  }),
  "/chatroom/user/ban/whitelist/query.json": swept({
    handle({ app, p }) {
      return { userIds: existing(app, p.required("chatroomId", REF_RULE)).whiteUserIds };
    },
  }),

  // User whitelist: ≤5 a room (§2.10; over → 1002, §U12).
  "/chatroom/user/whitelist/add.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      const after = new Set([...room.userWhitelist, ...p.list("userId", USERS)]);
      if (after.size > 5)
        throw new RcError(400, 1002, "a chatroom whitelist holds at most 5 users");
      room.userWhitelist = after;
      return undefined;
    },
  }),
  "/chatroom/user/whitelist/remove.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      for (const u of p.list("userId", USERS)) room.userWhitelist.delete(u);
      return undefined;
    },
  }),
  "/chatroom/user/whitelist/query.json": swept({
    handle({ app, p }) {
      return { users: [...existing(app, p.required("chatroomId", REF_RULE)).userWhitelist] };
    },
  }),

  // Keep-alive (a service, `chatroomKeepAlive`): 1016 over the app's count, 1015 to remove a
  // room not kept (shared §1.6).
  "/chatroom/keepalive/add.json": swept({
    feature: "chatroomKeepAlive",
    handle({ app, p }) {
      const id = existing(app, p.required("chatroomId", REF_RULE)).id;
      const kept = app.chatroomKeepAlive;
      if (!kept.has(id) && kept.size >= app.config.chatroomKeepAliveMax)
        throw new RcError(403, 1016, "keep-alive chatroom count over limit");
      kept.add(id);
      return undefined;
    },
  }),
  "/chatroom/keepalive/remove.json": swept({
    feature: "chatroomKeepAlive",
    handle({ app, p }) {
      const id = p.required("chatroomId", REF_RULE);
      if (!app.chatroomKeepAlive.delete(id))
        throw new RcError(200, 1015, "the data to delete does not exist");
      return undefined;
    },
  }),
  "/chatroom/keepalive/query.json": swept({
    feature: "chatroomKeepAlive",
    emptyOk: true,
    handle({ app }) {
      return { chatroomIds: [...app.chatroomKeepAlive] };
    },
  }),
};
