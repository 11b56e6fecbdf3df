import {
  BadUserInputError,
  type CallOptions,
  checkIds,
  checkText,
  checkUrl,
  checkUserList,
  ImError,
  type ItemResult,
  isJsonObject,
  itemError,
  itemOk,
  type JsonObject,
  NotFoundError,
  type Presence,
  parseJsonObject,
  runBatched,
  type User,
  utf8Bytes,
} from "@imgraph/core";
import { type Answer, itemErrorOf, perItem, zimBatch } from "./batch.js";
import { type Op, type ZegoContext, zim } from "./context.js";
import {
  AVATAR_MAX_BYTES,
  USER_ID,
  USER_NAME_MAX_BYTES,
  USERS_PER_PRESENCE,
  USERS_PER_READ,
  USERS_PER_REGISTER,
} from "./limits.js";
import { type InfoRow, infoRow, UNKNOWN_USER, userInfosCall } from "./user-infos.js";

const EXISTS = 660700002;
/** QueryUserOnlineState's SubCode for unknown, logged-out or never-logged-in users. */
const NOT_ONLINE = 660200001;

/** The profile fields as ZIM names them (an omitted field's fate is undocumented). */
interface Profile {
  UserId: string;
  UserName?: string;
  UserAvatar?: string;
  Extra?: string;
}

function checkProfile(
  ctx: ZegoContext,
  prefix: string,
  user: { id: string; name?: string | undefined; avatarUrl?: string | undefined; extra?: unknown },
): Profile {
  const profile: Profile = { UserId: user.id };
  if (user.name !== undefined) {
    profile.UserName = checkText(`${prefix}name`, user.name, { maxBytes: USER_NAME_MAX_BYTES });
  }
  if (user.avatarUrl !== undefined) {
    profile.UserAvatar = checkUrl(`${prefix}avatarUrl`, user.avatarUrl, AVATAR_MAX_BYTES);
  }
  if (user.extra !== undefined) {
    if (!isJsonObject(user.extra)) {
      throw new BadUserInputError(`${prefix}extra`, `${prefix}extra must be a JSON object.`);
    }
    const extra = JSON.stringify(user.extra);
    if (utf8Bytes(extra) > ctx.extraMaxBytes) {
      throw new BadUserInputError(
        `${prefix}extra`,
        `${prefix}extra must be at most ${ctx.extraMaxBytes} bytes as JSON.`,
      );
    }
    profile.Extra = extra;
  }
  return profile;
}

function modify(ctx: ZegoContext, operation: string, profiles: Profile[], options?: CallOptions) {
  // Setting the same profile twice changes nothing: safe to repeat.
  return perItem({
    keys: profiles.map((p) => p.UserId),
    call: () =>
      zim<Answer>(
        ctx,
        {
          operation,
          action: "ModifyUserInfo",
          method: "POST",
          params: { UserInfo: profiles },
          idempotent: true,
        },
        options,
      ),
    ok: (key) => itemOk(key, true as const),
  });
}

/**
 * ModifyUserInfo with every field. Whether ZIM keeps a field left out or blanks it is not
 * documented (docs/vendors/zego.md, ModifyUserInfo), so profiles missing one are first
 * completed from one QueryUserInfos of those users: setting `extra` must not wipe the name
 * and avatar. A user the read does not give is sent as is (the write answers for it).
 */
async function modifyWhole(
  ctx: ZegoContext,
  operation: string,
  profiles: Profile[],
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const partial = profiles.filter(
    (p) => p.UserName === undefined || p.UserAvatar === undefined || p.Extra === undefined,
  );
  const rows = new Map<string, InfoRow>();
  if (partial.length > 0) {
    const ids = partial.map((p) => p.UserId);
    try {
      const read = await perItem<InfoRow>({
        keys: ids,
        call: () => zim<Answer>(ctx, userInfosCall(operation, ids), options),
        ok: (key, answer) => {
          const row = infoRow(answer, key);
          return row ? itemOk(key, row) : undefined;
        },
      });
      for (const r of read) if (r.ok) rows.set(r.key, r.value);
    } catch (error) {
      // No read, no write: a blind write might blank what it was not given.
      if (!(error instanceof ImError)) throw error;
      return profiles.map((p) => itemError(p.UserId, error));
    }
  }
  const current = (value: unknown) => (typeof value === "string" ? value : undefined);
  const whole = profiles.map((p): Profile => {
    const row = rows.get(p.UserId);
    if (!row) return p;
    const name = p.UserName ?? current(row.UserName);
    const avatar = p.UserAvatar ?? current(row.UserAvatar);
    const extra = p.Extra ?? current(row.Extra);
    return {
      UserId: p.UserId,
      ...(name !== undefined ? { UserName: name } : {}),
      ...(avatar !== undefined ? { UserAvatar: avatar } : {}),
      ...(extra !== undefined ? { Extra: extra } : {}),
    };
  });
  return modify(ctx, operation, whole, options);
}

/**
 * UserRegister, then ModifyUserInfo for the extras (UserRegister takes none) and for users
 * that already existed: registering is an upsert, so a repeated register is harmless.
 */
export const registerUsers: Op<"registerUsers"> = async (ctx, users, options) => {
  checkUserList(users, USER_ID);
  const profiles = users.map((u, i) => checkProfile(ctx, `users[${i}].`, u));
  const unique = [...new Map(profiles.map((p) => [p.UserId, p])).values()];
  const results = await runBatched(unique, {
    size: USERS_PER_REGISTER,
    concurrency: ctx.concurrency,
    keyOf: (p) => p.UserId,
    run: async (chunk) => {
      const existing = new Set<string>();
      const registered = await perItem<true>({
        keys: chunk.map((p) => p.UserId),
        call: () =>
          zim<Answer>(
            ctx,
            {
              operation: "registerUsers",
              action: "UserRegister",
              method: "POST",
              params: {
                UserInfo: chunk.map(({ UserId, UserName, UserAvatar }) => ({
                  UserId,
                  ...(UserName !== undefined ? { UserName } : {}),
                  ...(UserAvatar !== undefined ? { UserAvatar } : {}),
                })),
              },
              idempotent: true,
            },
            options,
          ),
        ok: (key) => itemOk(key, true as const),
        failed: (key, subCode) => {
          if (subCode !== EXISTS) return undefined;
          existing.add(key);
          return itemOk(key, true as const);
        },
      });
      const ok = new Set(registered.filter((r) => r.ok).map((r) => r.key));
      const follow = chunk.filter(
        (p) =>
          ok.has(p.UserId) &&
          (p.Extra !== undefined ||
            (existing.has(p.UserId) && (p.UserName !== undefined || p.UserAvatar !== undefined))),
      );
      const modified = new Map<string, ItemResult<true>>();
      if (follow.length > 0) {
        for (const r of await modifyWhole(ctx, "registerUsers", follow, options))
          modified.set(r.key, r);
      }
      return registered.map((r): ItemResult<User> => {
        const after = modified.get(r.key);
        if (!r.ok) return r;
        if (after && !after.ok) return after;
        const p = chunk.find((c) => c.UserId === r.key) as Profile;
        return itemOk(r.key, {
          id: r.key,
          name: p.UserName ?? null,
          avatarUrl: p.UserAvatar ?? null,
          extra: p.Extra === undefined ? null : (JSON.parse(p.Extra) as JsonObject),
        });
      });
    },
  });
  const byKey = new Map(results.map((r) => [r.key, r]));
  return users.map((u) => byKey.get(u.id) as ItemResult<User>);
};

export const updateUser: Op<"updateUser"> = async (ctx, update, options) => {
  const [id] = checkIds("id", [update?.id], USER_ID) as [string];
  const profile = checkProfile(ctx, "", { ...update, id });
  if (Object.keys(profile).length === 1) return; // nothing to change
  const [result] = await modifyWhole(ctx, "updateUser", [profile], options);
  if (result && !result.ok) throw result.error;
};

/** QueryUserInfos, 100 per call; unknown users are NOT_FOUND items. */
export const getUsers: Op<"getUsers"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return zimBatch<User>(
    ctx,
    ids,
    {
      size: USERS_PER_READ,
      call: (chunk) => userInfosCall("getUsers", chunk),
      ok: (key, answer) => {
        const row = infoRow(answer, key);
        return row ? itemOk(key, toUser(key, row)) : undefined;
      },
      failed: (key, subCode) =>
        subCode === UNKNOWN_USER
          ? itemError(key, new NotFoundError(`User ${key} does not exist.`, { vendor: "zego" }))
          : undefined,
    },
    options,
  );
};

function toUser(id: string, row: InfoRow): User {
  return {
    id,
    name: typeof row.UserName === "string" && row.UserName ? row.UserName : null,
    avatarUrl: typeof row.UserAvatar === "string" && row.UserAvatar ? row.UserAvatar : null,
    extra: parseExtra(row.Extra),
  };
}

/** Extra is free text to ZIM; only a JSON object (what we write) is shown as extra. */
function parseExtra(value: unknown): JsonObject | null {
  if (isJsonObject(value)) return value;
  return typeof value === "string" ? parseJsonObject(value) : null;
}

interface PresenceAnswer {
  Result?: Array<{ UserId?: unknown; Status?: unknown }>;
}

/** QueryUserOnlineState (GET, `UserId[]` ≤ 100). */
export const getPresence: Op<"getPresence"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  const offline = (key: string) => itemOk<Presence>(key, { userId: key, status: "OFFLINE" });
  return zimBatch<Presence>(
    ctx,
    ids,
    {
      size: USERS_PER_PRESENCE,
      call: (chunk) => ({
        operation: "getPresence",
        action: "QueryUserOnlineState",
        method: "GET",
        params: { "UserId[]": chunk },
        idempotent: true,
      }),
      ok: (key, answer) => {
        const row = (answer as PresenceAnswer).Result?.find((r) => r.UserId === key);
        if (!row) return undefined;
        const online = String(row.Status).toLowerCase() === "online";
        return itemOk(key, { userId: key, status: online ? "ONLINE" : "OFFLINE" });
      },
      // ZIM does not tell unknown users from logged-out or never-logged-in ones.
      failed: (key, subCode) =>
        subCode === NOT_ONLINE ? offline(key) : itemError(key, itemErrorOf(key, subCode)),
    },
    options,
  );
};
