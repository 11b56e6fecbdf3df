import {
  BadUserInputError,
  type CallOptions,
  checkIds,
  checkUserTags,
  forEachLimited,
  ImError,
  type ItemResult,
  itemError,
  itemOk,
  runIdBatches,
  type UserTagsInput,
} from "@imgraph/core";
import type { Op, RongCloudContext } from "./context.js";
import { TAG_RULES, TAG_USERS_PER_BATCH_SET, TAG_USERS_PER_READ, USER_ID } from "./limits.js";
import { readTags, type TagWrite, tagWrites, writeTags } from "./tag-calls.js";

// Push tags (vendor reference §3). RongCloud only replaces a user's whole tag list, so
// adding and removing read the users' tags (≤50 a call) and write each user's result,
// users with the same result in one batch set. Not atomic: a change made elsewhere between
// the read and the write is lost.

export const getUserTags: Op<"getUserTags"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, TAG_USERS_PER_READ, async (chunk) => {
    const tags = await readTags(ctx, "getUserTags", chunk, options);
    return chunk.map((id) => itemOk(id, tags.get(id) ?? []));
  });
};

export const addUserTags: Op<"addUserTags"> = (ctx, input, options) =>
  changeTags(ctx, "addUserTags", input, options, (have, tags) => [...new Set([...have, ...tags])]);

export const removeUserTags: Op<"removeUserTags"> = (ctx, input, options) =>
  changeTags(ctx, "removeUserTags", input, options, (have, tags) =>
    have.filter((t) => !tags.includes(t)),
  );

export const setUserTags: Op<"setUserTags"> = async (ctx, input, options) => {
  const { userIds, tags } = checkUserTags(input, TAG_RULES, true);
  const results = new Map<string, ItemResult<true>>();
  await writeAll(ctx, "setUserTags", [{ userIds, tags }], results, options);
  return userIds.map((id) => results.get(id) as ItemResult<true>);
};

function changeTags(
  ctx: RongCloudContext,
  operation: string,
  input: UserTagsInput,
  options: CallOptions | undefined,
  change: (have: string[], tags: string[]) => string[],
): Promise<ItemResult<true>[]> {
  const { userIds, tags } = checkUserTags(input, TAG_RULES);
  return runIdBatches(ctx, userIds, TAG_USERS_PER_READ, async (chunk) => {
    const current = await readTags(ctx, operation, chunk, options);
    const results = new Map<string, ItemResult<true>>();
    const groups = new Map<string, TagWrite>();
    for (const id of chunk) {
      const have = current.get(id) ?? [];
      const next = change(have, tags);
      if (next.length > TAG_RULES.tagsPerCall) {
        // The user's own tags and these together are over RongCloud's cap: not sent.
        const error = new BadUserInputError(
          "tags",
          `${id} would have ${next.length} tags; RongCloud keeps at most ${TAG_RULES.tagsPerCall} a user.`,
        );
        results.set(id, itemError(id, error));
      } else if (sameTags(have, next)) results.set(id, itemOk(id, true as const));
      else {
        const key = [...next].sort().join("\n");
        const group = groups.get(key) ?? { userIds: [], tags: next };
        group.userIds.push(id);
        groups.set(key, group);
      }
    }
    await writeAll(ctx, operation, [...groups.values()], results, options);
    return chunk.map((id) => results.get(id) as ItemResult<true>);
  });
}

/** Runs the writes (`ctx.concurrency` at once); each user gets its write's outcome. */
async function writeAll(
  ctx: RongCloudContext,
  operation: string,
  groups: TagWrite[],
  results: Map<string, ItemResult<true>>,
  options: CallOptions | undefined,
): Promise<void> {
  await forEachLimited(tagWrites(groups, TAG_USERS_PER_BATCH_SET), ctx.concurrency, async (w) => {
    try {
      await writeTags(ctx, operation, w, options);
      for (const id of w.userIds) results.set(id, itemOk(id, true as const));
    } catch (error) {
      if (!(error instanceof ImError)) throw error;
      for (const id of w.userIds) results.set(id, itemError(id, error));
    }
  });
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
