import {
  checkIds,
  checkText,
  checkUrl,
  checkUserList,
  type ItemResult,
  itemError,
  itemOk,
  NotFoundError,
  runEach,
  runIdBatches,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { NAME_MAX_CHARS, PORTRAIT_MAX_BYTES, USER_ID } from "./limits.js";
import { readProfile } from "./profile.js";

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
export const registerUsers: Op<"registerUsers"> = async (ctx, users, options) => {
  checkUserList(users, USER_ID);
  for (const [i, u] of users.entries()) checkProfile(`users[${i}].`, u);
  return runEach(
    ctx,
    users,
    (u) => u.id,
    async (u) => {
      await post(
        ctx,
        "registerUsers",
        "/user/getToken.json",
        { userId: u.id, name: u.name ?? u.id, portraitUri: u.avatarUrl },
        options,
        true,
      );
      return itemOk(u.id, {
        id: u.id,
        name: u.name ?? u.id,
        avatarUrl: u.avatarUrl ?? null,
        extra: null,
      });
    },
  );
};

export const updateUser: Op<"updateUser"> = async (ctx, update, options) => {
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
};

/** One call per user id (RongCloud reads one profile, or one status, per call). */
function perUser<T>(
  ctx: RongCloudContext,
  userIds: string[],
  read: (userId: string) => Promise<ItemResult<T>>,
): Promise<ItemResult<T>[]> {
  checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, userIds, 1, async ([id]) => [await read(id as string)]);
}

export const getUsers: Op<"getUsers"> = async (ctx, userIds, options) => {
  return perUser(ctx, userIds, async (id) => {
    const user = await readProfile(ctx, id, options);
    return user
      ? itemOk(id, user)
      : itemError(id, new NotFoundError(`User ${id} does not exist.`, { vendor: "rongcloud" }));
  });
};

export const getPresence: Op<"getPresence"> = async (ctx, userIds, options) => {
  return perUser(ctx, userIds, async (id) => {
    const answer = await post<{ status?: unknown }>(
      ctx,
      "getPresence",
      "/user/checkOnline.json",
      { userId: id },
      options,
      true,
    );
    return itemOk(id, {
      userId: id,
      status: String(answer.status) === "1" ? "ONLINE" : "OFFLINE",
    });
  });
};
