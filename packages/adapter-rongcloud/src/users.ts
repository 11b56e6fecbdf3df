import {
  BadUserInputError,
  type BanInput,
  type CallOptions,
  type ChatCredential,
  type ChatCredentialInput,
  checkIds,
  checkInt,
  checkText,
  checkUrl,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  type Presence,
  runBatched,
  UnsupportedByVendorError,
  type User,
  type UserInput,
  type UserUpdate,
} from "@imgraph/core";
import { forEachUserChunk, post, type RongCloudContext } from "./context.js";
import {
  BLOCK_MAX_MINUTES,
  BLOCK_USERS_PER_CALL,
  NAME_MAX_CHARS,
  PORTRAIT_MAX_BYTES,
  USER_ID,
} from "./limits.js";

interface InfoAnswer {
  userName?: string;
  userPortrait?: string;
}

function checkProfile(
  prefix: string,
  user: { name?: string | undefined; avatarUrl?: string | undefined; extra?: unknown },
): void {
  if (user.name !== undefined) checkText(`${prefix}name`, user.name, { maxChars: NAME_MAX_CHARS });
  if (user.avatarUrl !== undefined)
    checkUrl(`${prefix}avatarUrl`, user.avatarUrl, PORTRAIT_MAX_BYTES);
  if (user.extra !== undefined) {
    throw new UnsupportedByVendorError(
      "rongcloud",
      "user extra data",
      "RongCloud keeps only a name and a portrait",
    );
  }
}

/** getToken registers (or re-registers) a user; RongCloud requires a name, so the id stands in. */
export async function registerUsers(
  ctx: RongCloudContext,
  users: UserInput[],
  options?: CallOptions,
): Promise<ItemResult<User>[]> {
  if (!Array.isArray(users) || users.length === 0)
    throw new BadUserInputError("users", "users must have at least 1 item.");
  checkIds(
    "users.id",
    users.map((u) => u?.id),
    USER_ID,
  );
  for (const [i, u] of users.entries()) checkProfile(`users[${i}].`, u);
  return runBatched(users, {
    size: 1,
    concurrency: ctx.concurrency,
    keyOf: (u) => u.id,
    run: async ([user]) => {
      const u = user as UserInput;
      await post(
        ctx,
        "registerUsers",
        "/user/getToken.json",
        { userId: u.id, name: u.name ?? u.id, portraitUri: u.avatarUrl },
        options,
        true,
      );
      return [
        itemOk(u.id, {
          id: u.id,
          name: u.name ?? u.id,
          avatarUrl: u.avatarUrl ?? null,
          extra: null,
        }),
      ];
    },
  });
}

export async function updateUser(
  ctx: RongCloudContext,
  update: UserUpdate,
  options?: CallOptions,
): Promise<void> {
  checkIds("id", [update?.id], USER_ID);
  checkProfile("", update);
  await post(
    ctx,
    "updateUser",
    "/user/refresh.json",
    { userId: update.id, name: update.name, portraitUri: update.avatarUrl },
    options,
    true,
  );
}

async function info(
  ctx: RongCloudContext,
  userId: string,
  options?: CallOptions,
): Promise<User | null> {
  try {
    const answer = await post<InfoAnswer>(
      ctx,
      "getUsers",
      "/user/info.json",
      { userId },
      options,
      true,
    );
    // An unknown user may also come back as an empty profile (unverified which the server does).
    if (!answer.userName && !answer.userPortrait) return null;
    return {
      id: userId,
      name: answer.userName || null,
      avatarUrl: answer.userPortrait || null,
      extra: null,
    };
  } catch (error) {
    if (error instanceof ImError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function getUsers(
  ctx: RongCloudContext,
  userIds: string[],
  options?: CallOptions,
): Promise<ItemResult<User>[]> {
  checkIds("userIds", userIds, USER_ID);
  return runBatched(userIds, {
    size: 1,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async ([id]) => {
      const user = await info(ctx, id as string, options);
      return [
        user
          ? itemOk(user.id, user)
          : itemError(
              id as string,
              new NotFoundError(`User ${id} does not exist.`, { vendor: "rongcloud" }),
            ),
      ];
    },
  });
}

export async function getPresence(
  ctx: RongCloudContext,
  userIds: string[],
  options?: CallOptions,
): Promise<ItemResult<Presence>[]> {
  checkIds("userIds", userIds, USER_ID);
  return runBatched(userIds, {
    size: 1,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async ([id]) => {
      const answer = await post<{ status?: unknown }>(
        ctx,
        "getPresence",
        "/user/checkOnline.json",
        { userId: id },
        options,
        true,
      );
      return [
        itemOk(id as string, {
          userId: id as string,
          status: String(answer.status) === "1" ? "ONLINE" : "OFFLINE",
        }),
      ];
    },
  });
}

export async function banUsers(
  ctx: RongCloudContext,
  input: BanInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const ids = checkIds("userIds", input?.userIds, USER_ID);
  // RongCloud has no permanent ban: omitted means its longest, 30 days.
  const minutes =
    input.durationSeconds === undefined
      ? BLOCK_MAX_MINUTES
      : Math.ceil(
          checkInt("durationSeconds", input.durationSeconds, {
            min: 1,
            max: BLOCK_MAX_MINUTES * 60,
          }) / 60,
        );
  const call = {
    operation: "banUsers",
    path: "/user/block.json",
    size: BLOCK_USERS_PER_CALL,
    fields: { minute: minutes },
  };
  return forEachUserChunk(ctx, call, ids, options);
}

export async function unbanUsers(
  ctx: RongCloudContext,
  userIds: string[],
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const ids = checkIds("userIds", userIds, USER_ID);
  const call = {
    operation: "unbanUsers",
    path: "/user/unblock.json",
    size: BLOCK_USERS_PER_CALL,
    fields: {},
  };
  return forEachUserChunk(ctx, call, ids, options);
}

/**
 * A RongCloud token comes only from getToken, which also overwrites the user's name and
 * portrait: read the current profile first so issuing a credential never changes it.
 * Tokens do not expire unless the console sets a lifetime, so `ttlSeconds` is refused rather
 * than ignored.
 */
export async function issueChatCredential(
  ctx: RongCloudContext,
  appKey: string,
  input: ChatCredentialInput,
  options?: CallOptions,
): Promise<ChatCredential> {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  if (input.name !== undefined) checkText("name", input.name, { maxChars: NAME_MAX_CHARS });
  if (input.ttlSeconds !== undefined)
    throw new BadUserInputError(
      "ttlSeconds",
      "RongCloud tokens have no per-token lifetime (the console sets one for the whole app): omit ttlSeconds.",
    );
  const current = await info(ctx, userId, options);
  const answer = await post<{ token?: unknown }>(
    ctx,
    "issueChatCredential",
    "/user/getToken.json",
    {
      userId,
      name: current?.name ?? input.name ?? userId,
      portraitUri: current?.avatarUrl ?? undefined,
    },
    options,
    true,
  );
  if (typeof answer.token !== "string" || answer.token.length === 0) {
    throw new ImError("VENDOR_UNAVAILABLE", "RongCloud answered getToken without a token.", {
      vendor: "rongcloud",
    });
  }
  return { vendor: "rongcloud", appId: appKey, userId, token: answer.token, expiresAt: null };
}
