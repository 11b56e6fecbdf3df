import {
  BadUserInputError,
  type CallOptions,
  checkActor,
  checkGroupUsers,
  type GroupMember,
  type GroupMembersInput,
  type GroupRole,
} from "@imgraph/core";
import { type ZegoContext, zim } from "./context.js";
import { GROUP_MEMBERS_PAGE_MAX, GROUP_USERS, USER_ID } from "./limits.js";
import { nextMarker } from "./paging.js";

/** One page of QueryGroupMemberList. */
export interface MemberPage {
  total: number | null;
  members: GroupMember[];
  /** ZEGO's marker of the next page; null when done. */
  next: string | number | null;
}

interface MemberAnswer {
  TotalCount?: unknown;
  Next?: unknown;
  MemberList?: Array<{ UserId?: unknown; Role?: unknown; UserNickName?: unknown }>;
}

function role(value: unknown): GroupRole {
  const n = Number(value);
  return n === 1 ? "OWNER" : n === 2 ? "ADMIN" : "MEMBER";
}

/** QueryGroupMemberList: `Limit` must stay the same across the pages of one listing. */
export async function memberPage(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  limit: number,
  next: string | number,
  options?: CallOptions,
): Promise<MemberPage> {
  const answer = await zim<MemberAnswer>(
    ctx,
    {
      operation,
      action: "QueryGroupMemberList",
      method: "POST",
      params: { GroupId: groupId, Limit: limit, Next: next },
      idempotent: true,
    },
    options,
  );
  const total = Number(answer.TotalCount);
  return {
    total: Number.isFinite(total) ? total : null,
    members: (answer.MemberList ?? [])
      .filter((m) => typeof m.UserId === "string")
      // No join time is read back (EnterGroupTime is write-only); the nickname is the name
      // card ("" = none); ZIM keeps no custom member fields (#17 §G5, §G7).
      .map((m) => ({
        userId: m.UserId as string,
        role: role(m.Role),
        joinedAt: null,
        nameCard: typeof m.UserNickName === "string" && m.UserNickName ? m.UserNickName : null,
        fields: null,
      })),
    next: nextMarker(answer.Next),
  };
}

/** The group's owner (role 1), reading member pages until it shows up. */
export async function findOwner(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  options?: CallOptions,
): Promise<{ ownerId: string | null; firstMember: string | null; total: number | null }> {
  let next: string | number = 0;
  let total: number | null = null;
  let firstMember: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await memberPage(ctx, operation, groupId, GROUP_MEMBERS_PAGE_MAX, next, options);
    total ??= page.total;
    firstMember ??= page.members[0]?.userId ?? null;
    const owner = page.members.find((m) => m.role === "OWNER");
    if (owner) return { ownerId: owner.userId, firstMember, total };
    if (page.next === null || page.members.length === 0) break;
    next = page.next;
  }
  return { ownerId: null, firstMember, total };
}

/**
 * Who acts on a group: the caller's actor, else the group's owner. Who may call the
 * member/owner/mute Actions is unverified (§2.4), and the owner may do all of them.
 */
export async function actorFor(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  actorId: string | undefined,
  options?: CallOptions,
): Promise<string> {
  const named = checkActor(actorId, USER_ID);
  if (named !== undefined) return named;
  return (await ownerAndActor(ctx, operation, groupId, undefined, options)).actor;
}

/** The group's owner (null when none shows up) and who acts, as actorFor, from one lookup. */
export async function ownerAndActor(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  actorId: string | undefined,
  options?: CallOptions,
): Promise<{ ownerId: string | null; actor: string }> {
  const named = checkActor(actorId, USER_ID);
  const { ownerId, firstMember } = await findOwner(ctx, operation, groupId, options);
  const actor = named ?? ownerId ?? firstMember;
  if (!actor) {
    throw new BadUserInputError(
      "actorId",
      "actorId is required: the group has no owner to act as.",
    );
  }
  return { ownerId, actor };
}

/**
 * What a change of members acts on: the group, its users as listed (the batch sends a
 * repeated one once and answers it at each place), and who acts.
 */
export async function memberChange(
  ctx: ZegoContext,
  operation: string,
  input: GroupMembersInput,
  options?: CallOptions,
): Promise<{ groupId: string; userIds: string[]; actor: string; actorNamed: boolean }> {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  const actor = await actorFor(ctx, operation, groupId, input.actorId, options);
  return { groupId, userIds, actor, actorNamed: input.actorId != null };
}
