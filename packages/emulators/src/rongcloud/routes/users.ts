/** Users: registration/token, profile fields, online status, tokens, groups of a user (§2.1). */
import { RcError } from "../errors.js";
import { clientToken, formatTime } from "../ids.js";
import { ID_RULE, NAME_RULE, PORTRAIT_RULE, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import { isOnline } from "../state.js";

export const userRoutes: RouteTable = {
  "/user/getToken.json": {
    limit: () => ({ rules: [{ limit: 200, window: "second" }], cost: 1 }),
    handle({ app, p, now }) {
      const userId = p.required("userId", ID_RULE);
      const name = p.required("name", NAME_RULE);
      const portraitUri = p.optional("portraitUri", PORTRAIT_RULE);
      const existing = app.users.get(userId);
      if (!existing && app.config.devEnvironment && app.users.size >= app.config.devUserLimit) {
        throw new RcError(
          403,
          2007,
          `registered user count over limit (development environment max ${app.config.devUserLimit})`,
        );
      }
      app.users.set(userId, {
        userId,
        name,
        // Omitted portraitUri keeps the previous one (overwrite-on-omit is unverified).
        portraitUri: portraitUri ?? existing?.portraitUri ?? "",
        createdAt: existing?.createdAt ?? now,
      });
      const token = clientToken(app.config.appKey, userId);
      app.tokens.set(token, { userId, issuedAt: now });
      return { userId, token };
    },
  },

  "/user/refresh.json": {
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const name = p.optional("name", NAME_RULE);
      const portraitUri = p.optional("portraitUri", PORTRAIT_RULE);
      const user = app.users.get(userId);
      // Unknown user: answered 200 without creating one (unverified; the server does not
      // require registration for most calls).
      if (user) {
        if (name !== undefined) user.name = name;
        if (portraitUri !== undefined) user.portraitUri = portraitUri;
      }
      return undefined;
    },
  },

  "/user/info.json": {
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const user = app.users.get(userId);
      // Unknown user: business code 400 "user id does not exist", the only documented
      // answer (2026 Nexconn table, rongcloud.md §5 row 20); HTTP status unverified.
      if (!user) throw new RcError(400, 400, `user id does not exist: ${userId}`);
      return {
        userName: user.name,
        userPortrait: user.portraitUri,
        createTime: formatTime(user.createdAt, app.config.tzOffsetMs),
      };
    },
  },

  "/user/checkOnline.json": {
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      // Unknown users are simply offline (§5 row 20 unverified; the tolerant answer).
      return { status: isOnline(app, userId) ? "1" : "0" };
    },
  },

  "/user/token/expire.json": {
    handle({ app, p }) {
      const userIds = p.list("userId", { required: true, max: 20, ...REF_RULE });
      const time = p.int("time", { required: true, min: 0 });
      for (const u of userIds) app.tokenCutoff.set(u, time);
      return undefined;
    },
  },

  "/user/group/query.json": {
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const page = p.int("page", { min: 0 }) ?? 0;
      const size = p.int("size", { min: 1, max: 1000 }) ?? 50;
      const groups = [...app.groups.values()]
        .filter((g) => g.members.has(userId))
        .map((g) => ({ id: g.id, name: g.name }));
      // page absent/0: no paging, the first 5000 (§2.1).
      return {
        groups: page === 0 ? groups.slice(0, 5000) : groups.slice((page - 1) * size, page * size),
      };
    },
  },

  // Development-environment user management (2025+).
  "/user/query.json": {
    devOnly: true,
    emptyOk: true,
    handle({ app, p }) {
      const page = p.int("page", { min: 1 }) ?? 1;
      // The Go SDK clamps pageSize to 1–100; the server's own range is unverified, so clamp too.
      const pageSize = Math.min(100, Math.max(1, p.int("pageSize") ?? 10));
      const order = p.oneOf("order", [0, 1] as const, 0);
      const users = [...app.users.values()].sort((a, b) =>
        order === 0 ? a.createdAt - b.createdAt : b.createdAt - a.createdAt,
      );
      return {
        total: users.length,
        users: users.slice((page - 1) * pageSize, page * pageSize).map((u) => ({
          userId: u.userId,
          userName: u.name,
          userPortrait: u.portraitUri,
          // Format unverified: same as /user/info.json createTime.
          regTime: formatTime(u.createdAt, app.config.tzOffsetMs),
        })),
      };
    },
  },

  "/user/delusers.json": {
    devOnly: true,
    handle({ app, p }) {
      // Java joins with commas, Go repeats the key: accept both (§1.2).
      const userIds = p.list("userId", { required: true, max: 100, comma: true, ...REF_RULE });
      for (const u of userIds) {
        app.users.delete(u);
        app.sessions.delete(u);
        app.profiles.delete(u);
        for (const [token, t] of app.tokens) if (t.userId === u) app.tokens.delete(token);
        for (const g of app.groups.values()) g.members.delete(u);
      }
      return undefined;
    },
  },
};
