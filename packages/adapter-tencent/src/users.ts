import {
  checkIds,
  checkUserList,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  type Presence,
  runBatched,
  runIdBatches,
  type User,
} from "@imgraph/core";
import { accountResults } from "./account-items.js";
import { call, type Op, str } from "./context.js";
import { itemFailure } from "./errors.js";
import { USER_ID, USERS_PER_DELETE, USERS_PER_IMPORT, USERS_PER_PRESENCE } from "./limits.js";
import { readPortraits, setPortrait } from "./portraits.js";
import { fromProfileItems, profileTags, toProfileItems } from "./profile.js";

/**
 * multiaccount_import (new form) imports up to 100 accounts a call with their nick and
 * avatar; importing an existing account updates them, so a repeat is harmless. `extra`
 * lives in a custom profile tag, written by one portrait_set per user that has one.
 */
export const registerUsers: Op<"registerUsers"> = async (ctx, users, options) => {
  checkUserList(users, USER_ID);
  const extras = new Map<string, ReturnType<typeof toProfileItems>>();
  for (const [i, u] of users.entries()) {
    const items = toProfileItems(`users[${i}].`, u, ctx.extraProfileTag);
    if (u.extra !== undefined) extras.set(u.id, items);
  }
  const byId = new Map(users.map((u) => [u.id, u]));
  const results = await runBatched([...byId.values()], {
    size: USERS_PER_IMPORT,
    concurrency: ctx.concurrency,
    keyOf: (u) => u.id,
    run: async (chunk) => {
      const answer = await call<{ FailAccounts?: unknown }>(
        ctx,
        "registerUsers",
        "im_open_login_svc/multiaccount_import",
        {
          AccountList: chunk.map((u) => ({
            UserID: u.id,
            ...(u.name !== undefined ? { Nick: u.name } : {}),
            ...(u.avatarUrl !== undefined ? { FaceUrl: u.avatarUrl } : {}),
          })),
        },
        options,
        true,
      );
      const failed = new Set(
        Array.isArray(answer.FailAccounts) ? answer.FailAccounts.map(String) : [],
      );
      return Promise.all(
        chunk.map(async (u): Promise<ItemResult<User>> => {
          if (failed.has(u.id)) {
            return itemError(
              u.id,
              new ImError("VENDOR_REJECTED", `Tencent did not import ${u.id}.`, {
                vendor: "tencent",
              }),
            );
          }
          const extra = extras.get(u.id);
          if (extra) {
            try {
              await setPortrait(ctx, "registerUsers", u.id, extra, options);
            } catch (error) {
              if (error instanceof ImError) return itemError(u.id, error);
              throw error;
            }
          }
          return itemOk(u.id, {
            id: u.id,
            name: u.name ?? null,
            avatarUrl: u.avatarUrl ?? null,
            extra: u.extra ?? null,
          });
        }),
      );
    },
  });
  const answers = new Map(results.map((r) => [r.key, r]));
  return users.map((u) => answers.get(u.id) as ItemResult<User>);
};

export const updateUser: Op<"updateUser"> = async (ctx, update, options) => {
  const [id] = checkIds("id", [update?.id], USER_ID) as [string];
  const items = toProfileItems("", update, ctx.extraProfileTag);
  if (items.length === 0) return;
  await setPortrait(ctx, "updateUser", id, items, options);
};

/** Nick, avatar and extra of each user (portrait_get). */
export const getUsers: Op<"getUsers"> = async (ctx, userIds, options) =>
  readPortraits(
    ctx,
    userIds,
    {
      operation: "getUsers",
      tags: profileTags(ctx.extraProfileTag),
      value: (id, items) => fromProfileItems(id, items, ctx.extraProfileTag),
    },
    options,
  );

export const deleteUsers: Op<"deleteUsers"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, USERS_PER_DELETE, async (chunk) => {
    const results = await accountResults(ctx, "deleteUsers", "account_delete", chunk, options);
    const codes = new Map(results.map((r) => [String(r?.UserID), r] as const));
    return chunk.map((id) => {
      const r = codes.get(id);
      const code = Number(r?.ResultCode ?? 0);
      return code === 0
        ? itemOk(id, true as const)
        : itemError(id, itemFailure(code, r?.ResultInfo));
    });
  });
};

interface OnlineAnswer {
  QueryResult?: Array<{ To_Account?: unknown; State?: unknown; Status?: unknown }>;
  ErrorList?: Array<{ To_Account?: unknown; ErrorCode?: unknown }>;
}

/**
 * query_online_status, 500 accounts a call. `PushOnline` (app in the background, reachable
 * only by offline push) counts as OFFLINE: the user has no live connection.
 */
export const getPresence: Op<"getPresence"> = async (ctx, userIds, options) => {
  checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, userIds, USERS_PER_PRESENCE, async (chunk) => {
    const answer = await call<OnlineAnswer>(
      ctx,
      "getPresence",
      "openim/query_online_status",
      { To_Account: chunk },
      options,
      true,
    );
    const out: ItemResult<Presence>[] = [];
    for (const e of answer.ErrorList ?? []) {
      const id = str(e?.To_Account);
      if (id) out.push(itemError(id, itemFailure(e.ErrorCode)));
    }
    for (const r of answer.QueryResult ?? []) {
      const id = str(r?.To_Account);
      // Older answers name the field Status (unverified): read either.
      const state = str(r?.State) ?? str(r?.Status);
      if (id)
        out.push(itemOk(id, { userId: id, status: state === "Online" ? "ONLINE" : "OFFLINE" }));
    }
    return out;
  });
};
