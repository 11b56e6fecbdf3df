import { type CallOptions, type GroupMembersInput, type ItemResult, itemOk } from "@imgraph/core";
import { type ZimBatch, zimBatch } from "./batch.js";
import { type ZegoContext, zim } from "./context.js";
import { actorFor, memberChange } from "./group-lookup.js";
import { MEMBERS_PER_INVITE, MEMBERS_PER_KICK, MEMBERS_PER_MUTE } from "./limits.js";

// ZIM's Actions on a group (§2.4), made as the caller's actor or else the group's owner
// (FromUserId): on the whole group, or on some of its members.

/** A GET Action on the whole group; `params` besides FromUserId and GroupId. */
export async function groupAction(
  ctx: ZegoContext,
  call: {
    operation: string;
    action: "TransferGroupOwner" | "DismissGroup";
    groupId: string;
    actorId: string | undefined;
    params?: Record<string, unknown>;
  },
  options?: CallOptions,
): Promise<void> {
  const { operation, action, groupId, params } = call;
  const actor = await actorFor(ctx, operation, groupId, call.actorId, options);
  await zim(
    ctx,
    {
      operation,
      action,
      method: "GET",
      params: { FromUserId: actor, GroupId: groupId, ...params },
      idempotent: true,
    },
    options,
  );
}

/**
 * The member Actions, by method, name of the list of users, and users per call. Each
 * answers only for the users it failed.
 */
const MEMBER_ACTIONS = {
  InviteUsersIntoGroup: { method: "POST", list: "UserIds", size: MEMBERS_PER_INVITE },
  KickoutGroupUser: { method: "POST", list: "UserId", size: MEMBERS_PER_KICK },
  MuteGroupMembers: { method: "GET", list: "UserIds[]", size: MEMBERS_PER_MUTE },
} as const;

/** What one use of an Action adds: its other parameters, and how a failure or the pace differ. */
export interface MemberActionUse extends Partial<Pick<ZimBatch<true>, "concurrency" | "failed">> {
  params?: Record<string, unknown>;
  /**
   * Answer items naming the acting user itself ok, without sending them: ZIM drops
   * FromUserId from the list (and refuses a list left empty), and the actor is a member —
   * known when it is the owner the member list named, or when the call for the others
   * succeeds (a named actor adding only themselves is sent, for ZIM to judge).
   */
  actorIsMember?: boolean;
}

/**
 * Runs a member Action over the input's users (an answer at each place), each answered ok
 * unless the answer lists it as failed. Membership and mutes are sets: repeating a call changes nothing.
 */
export async function memberAction(
  ctx: ZegoContext,
  operation: string,
  action: keyof typeof MEMBER_ACTIONS,
  input: GroupMembersInput,
  { params, actorIsMember, ...batch }: MemberActionUse,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const { groupId, userIds, actor, actorNamed } = await memberChange(
    ctx,
    operation,
    input,
    options,
  );
  const { method, list, size } = MEMBER_ACTIONS[action];
  const send = (ids: string[]) =>
    zimBatch<true>(
      ctx,
      ids,
      {
        size,
        ...batch,
        call: (chunk) => ({
          operation,
          action,
          method,
          params: { FromUserId: actor, GroupId: groupId, [list]: chunk, ...params },
          idempotent: true,
        }),
        ok: (key) => itemOk(key, true as const),
      },
      options,
    );
  const others = actorIsMember ? userIds.filter((id) => id !== actor) : userIds;
  if (others.length === userIds.length || (others.length === 0 && actorNamed)) {
    return send(userIds);
  }
  const answered = others.length > 0 ? await send(others) : [];
  let next = 0;
  return userIds.map((id) => {
    if (id === actor) return itemOk(id, true as const);
    const result = answered[next++];
    if (!result) throw new Error("zimBatch answered fewer items than it was given");
    return result;
  });
}
