import type { CallOptions } from "@imgraph/core";
import { post, postJson, type RongCloudContext } from "./context.js";

// RongCloud's push-tag endpoints (vendor reference §3): a form read of ≤50 users, and JSON
// writes that replace a user's tags (one user, or the same tags for ≤1000 users).

/** Each user's tags; a user the answer leaves out has none. */
export async function readTags(
  ctx: RongCloudContext,
  operation: string,
  userIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, string[]>> {
  const answer = await post<{ result?: Record<string, unknown> }>(
    ctx,
    operation,
    "/user/tags/get.json",
    { userIds },
    options,
    true,
  );
  const result = answer.result ?? {};
  return new Map(
    userIds.map((id) => {
      const tags = result[id];
      return [id, Array.isArray(tags) ? tags.map(String) : []];
    }),
  );
}

/** A write that gives every one of `userIds` exactly `tags`. */
export interface TagWrite {
  userIds: string[];
  tags: string[];
}

/**
 * The writes for users grouped by the tags they get: several users share one batch set
 * (≤1000 a call, but only 10 requests a second); a lone user, or users getting no tags, go
 * one by one through /user/tag/set.json (the doc says [] clears there; batch set with []
 * is unverified).
 */
export function tagWrites(groups: TagWrite[], batchMax: number): TagWrite[] {
  return groups.flatMap(({ userIds, tags }) => {
    if (userIds.length === 1 || tags.length === 0)
      return userIds.map((id) => ({ userIds: [id], tags }));
    const writes: TagWrite[] = [];
    for (let i = 0; i < userIds.length; i += batchMax)
      writes.push({ userIds: userIds.slice(i, i + batchMax), tags });
    return writes;
  });
}

export function writeTags(
  ctx: RongCloudContext,
  operation: string,
  write: TagWrite,
  options: CallOptions | undefined,
): Promise<unknown> {
  const [only] = write.userIds;
  return write.userIds.length === 1
    ? postJson(ctx, operation, "/user/tag/set.json", { userId: only, tags: write.tags }, options)
    : postJson(ctx, operation, "/user/tag/batch/set.json", write, options);
}
