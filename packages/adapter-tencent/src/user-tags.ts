import {
  type CallOptions,
  checkIds,
  checkUserTags,
  type ItemResult,
  itemOk,
  type TagRules,
  type UserTagsInput,
} from "@imgraph/core";
import { type Op, str, type TencentContext } from "./context.js";
import { TAG_MAX_BYTES, TAGS_PER_CALL, USER_ID } from "./limits.js";
import { type PushTargetAnswer, pushTargetBatches } from "./push-targets.js";

// Push tags: all_member_push im_add_tag, im_get_tag, im_remove_tag, im_remove_all_tags
// (docs/vendors/tencent.md "Social graph and user depth" §15). A user holds at most 100
// tags; one call gives or takes at most 10 per user, so longer lists take several calls.

/** One neutral call may name up to the 100 tags a user can hold (sent 10 a call). */
const TAGS_PER_USER = 100;
const TAG_RULES: TagRules = {
  user: USER_ID,
  tagMaxBytes: TAG_MAX_BYTES,
  tagsPerCall: TAGS_PER_USER,
};

const tagChunks = (tags: string[]): string[][] =>
  Array.from({ length: Math.ceil(tags.length / TAGS_PER_CALL) }, (_, i) =>
    tags.slice(i * TAGS_PER_CALL, (i + 1) * TAGS_PER_CALL),
  );

/**
 * im_add_tag or im_remove_tag: each 10-tag slice in turn for the users still ok (a user's
 * first failure is its answer; slices already applied stay).
 */
async function editTags(
  ctx: TencentContext,
  operation: string,
  command: "im_add_tag" | "im_remove_tag",
  { userIds, tags }: UserTagsInput,
  options: CallOptions | undefined,
): Promise<ItemResult<true>[]> {
  const results = new Map<string, ItemResult<true>>(userIds.map((id) => [id, itemOk(id, true)]));
  for (const slice of tagChunks(tags)) {
    const pending = [...results.values()].filter((r) => r.ok).map((r) => r.key);
    const answers = await pushTargetBatches(
      ctx,
      pending,
      {
        operation,
        command: `all_member_push/${command}`,
        body: (chunk) => ({ UserTags: chunk.map((To_Account) => ({ To_Account, Tags: slice })) }),
        // Adding a tag held, or removing one not held, changes nothing: repeats converge.
        idempotent: true,
        ok: () => true as const,
      },
      options,
    );
    for (const r of answers) results.set(r.key, r);
  }
  return userIds.map((id) => results.get(id) as ItemResult<true>);
}

export const addUserTags: Op<"addUserTags"> = async (ctx, input, options) =>
  editTags(ctx, "addUserTags", "im_add_tag", checkUserTags(input, TAG_RULES), options);

export const removeUserTags: Op<"removeUserTags"> = async (ctx, input, options) =>
  editTags(ctx, "removeUserTags", "im_remove_tag", checkUserTags(input, TAG_RULES), options);

/**
 * im_remove_all_tags, then im_add_tag for the users cleared (Tencent's legacy API has no
 * replace). Not atomic: a failed add leaves that user with fewer tags or none.
 */
export const setUserTags: Op<"setUserTags"> = async (ctx, input, options) => {
  const { userIds, tags } = checkUserTags(input, TAG_RULES, true);
  const cleared = await pushTargetBatches(
    ctx,
    userIds,
    {
      operation: "setUserTags",
      command: "all_member_push/im_remove_all_tags",
      body: (chunk) => ({ To_Account: chunk }),
      idempotent: true,
      ok: () => true as const,
    },
    options,
  );
  const ready = cleared.filter((r) => r.ok).map((r) => r.key);
  if (tags.length === 0 || ready.length === 0) return cleared;
  const added = await editTags(ctx, "setUserTags", "im_add_tag", { userIds: ready, tags }, options);
  const byId = new Map([...cleared, ...added].map((r) => [r.key, r]));
  return userIds.map((id) => byId.get(id) as ItemResult<true>);
};

interface GetTagAnswer extends PushTargetAnswer {
  UserTags?: Array<{ To_Account?: unknown; Tags?: unknown }>;
}

/** im_get_tag, 100 a call; a user the answer leaves out has no tags. */
export const getUserTags: Op<"getUserTags"> = async (ctx, userIds, options) =>
  pushTargetBatches<GetTagAnswer, string[]>(
    ctx,
    checkIds("userIds", userIds, USER_ID),
    {
      operation: "getUserTags",
      command: "all_member_push/im_get_tag",
      body: (chunk) => ({ To_Account: chunk }),
      idempotent: true,
      ok: (id, answer) => {
        const item = answer.UserTags?.find((u) => str(u?.To_Account) === id);
        return Array.isArray(item?.Tags) ? item.Tags.filter((t) => typeof t === "string") : [];
      },
    },
    options,
  );
