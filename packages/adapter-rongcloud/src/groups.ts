import { randomBytes } from "node:crypto";
import {
  BadUserInputError,
  type CallOptions,
  type CreateGroupInput,
  checkCount,
  checkId,
  checkIds,
  checkInt,
  checkText,
  type DismissGroupInput,
  distinct,
  type Group,
  type GroupMember,
  type GroupMembersInput,
  type ItemResult,
  type MutedMember,
  type MuteMembersInput,
  type Page,
  type PageInput,
  pageLimit,
} from "@imgraph/core";
import {
  decodeOffset,
  encodeOffset,
  forEachUserChunk,
  parseRongCloudTime,
  post,
  type RongCloudContext,
} from "./context.js";
import {
  GAG_MAX_MINUTES,
  GAG_USERS_PER_CALL,
  GROUP_ID,
  GROUP_MEMBER_CAP,
  GROUP_MEMBERS_PER_CALL,
  NAME_MAX_CHARS,
  USER_GROUPS_PAGE_MAX,
  USER_ID,
} from "./limits.js";
import { regionUtcOffsetMinutes } from "./options.js";

// RongCloud's classic groups are user↔group bindings plus a name for push texts: there
// is no owner and no group record of its own. A group "exists" while it has members.

async function members(
  ctx: RongCloudContext,
  groupId: string,
  options?: CallOptions,
): Promise<string[]> {
  const answer = await post<{ users?: Array<{ id?: unknown }> }>(
    ctx,
    "listGroupMembers",
    "/group/user/query.json",
    { groupId },
    options,
    true,
  );
  return (answer.users ?? []).map((u) => String(u.id));
}

async function groupsOfUser(
  ctx: RongCloudContext,
  userId: string,
  page: number,
  size: number | undefined,
  options?: CallOptions,
) {
  const answer = await post<{ groups?: Array<{ id?: unknown; name?: unknown }> }>(
    ctx,
    "listUserGroups",
    "/user/group/query.json",
    { userId, page, size },
    options,
    true,
  );
  return (answer.groups ?? []).map((g) => ({
    id: String(g.id),
    name: typeof g.name === "string" ? g.name : "",
  }));
}

function group(id: string, name: string, memberCount: number | null): Group {
  return { id, name, ownerId: null, memberCount, createdAt: null };
}

export async function createGroup(
  ctx: RongCloudContext,
  input: CreateGroupInput,
  options?: CallOptions,
): Promise<Group> {
  const groupId =
    input?.id === undefined ? randomBytes(12).toString("hex") : checkId("id", input.id, GROUP_ID);
  const name = checkText("name", input.name, { maxChars: NAME_MAX_CHARS });
  const [ownerId] = checkIds("ownerId", [input.ownerId], USER_ID) as [string];
  const memberIds =
    input.memberIds === undefined
      ? []
      : checkIds("memberIds", input.memberIds, USER_ID, { min: 0 });
  const everyone = distinct([ownerId, ...memberIds]);
  checkCount("memberIds", everyone, { max: GROUP_MEMBER_CAP });
  // create takes up to 1000 users; the rest join in further calls.
  const [first, ...rest] = chunks(everyone, GROUP_MEMBERS_PER_CALL);
  await post(
    ctx,
    "createGroup",
    "/group/create.json",
    { userId: first, groupId, groupName: name },
    options,
    true,
  );
  for (const chunk of rest) {
    await post(
      ctx,
      "createGroup",
      "/group/join.json",
      { userId: chunk, groupId, groupName: name },
      options,
      true,
    );
  }
  return group(groupId, name, everyone.length);
}

export async function getGroup(
  ctx: RongCloudContext,
  groupId: string,
  options?: CallOptions,
): Promise<Group | null> {
  checkId("groupId", groupId, GROUP_ID);
  const ids = await members(ctx, groupId, options);
  if (ids.length === 0) return null;
  // The name lives on each binding: read it from one member's group list.
  // page 0 answers the first 5000 groups unpaged.
  const mine = await groupsOfUser(ctx, ids[0] as string, 0, undefined, options);
  return group(groupId, mine.find((g) => g.id === groupId)?.name ?? "", ids.length);
}

export async function listGroupMembers(
  ctx: RongCloudContext,
  input: { groupId: string } & PageInput,
  options?: CallOptions,
): Promise<Page<GroupMember>> {
  checkId("groupId", input?.groupId, GROUP_ID);
  const limit = pageLimit(input.limit, GROUP_MEMBER_CAP);
  const offset = decodeOffset(input.cursor);
  // RongCloud answers the whole member list; we page it for the caller.
  const ids = await members(ctx, input.groupId, options);
  const items = ids
    .slice(offset, offset + limit)
    .map((userId): GroupMember => ({ userId, role: "MEMBER", joinedAt: null }));
  return { items, nextCursor: offset + limit < ids.length ? encodeOffset(offset + limit) : null };
}

function memberChange(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  input: GroupMembersInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const ids = checkIds("userIds", input.userIds, USER_ID);
  return forEachUserChunk(
    ctx,
    { operation, path, size: GROUP_MEMBERS_PER_CALL, fields: { groupId } },
    ids,
    options,
  );
}

export async function addGroupMembers(
  ctx: RongCloudContext,
  input: GroupMembersInput,
  options?: CallOptions,
) {
  return memberChange(ctx, "addGroupMembers", "/group/join.json", input, options);
}

export async function removeGroupMembers(
  ctx: RongCloudContext,
  input: GroupMembersInput,
  options?: CallOptions,
) {
  return memberChange(ctx, "removeGroupMembers", "/group/quit.json", input, options);
}

export async function muteGroupMembers(
  ctx: RongCloudContext,
  input: MuteMembersInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const ids = checkIds("userIds", input.userIds, USER_ID);
  // minute 0 is RongCloud's "until unmuted".
  const minute =
    input.durationSeconds === undefined
      ? 0
      : Math.ceil(
          checkInt("durationSeconds", input.durationSeconds, {
            min: 1,
            max: GAG_MAX_MINUTES * 60,
          }) / 60,
        );
  const call = {
    operation: "muteGroupMembers",
    path: "/group/user/gag/add.json",
    size: GAG_USERS_PER_CALL,
    fields: { groupId, minute },
  };
  return forEachUserChunk(ctx, call, ids, options);
}

export async function unmuteGroupMembers(
  ctx: RongCloudContext,
  input: GroupMembersInput,
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const ids = checkIds("userIds", input.userIds, USER_ID);
  const call = {
    operation: "unmuteGroupMembers",
    path: "/group/user/gag/rollback.json",
    size: GAG_USERS_PER_CALL,
    fields: { groupId },
  };
  return forEachUserChunk(ctx, call, ids, options);
}

export async function listMutedMembers(
  ctx: RongCloudContext,
  groupId: string,
  options?: CallOptions,
): Promise<MutedMember[]> {
  checkId("groupId", groupId, GROUP_ID);
  const answer = await post<{
    users?: Array<{ userId?: unknown; time?: unknown; minute?: unknown }>;
  }>(ctx, "listMutedMembers", "/group/user/gag/list.json", { groupId }, options, true);
  const offset = regionUtcOffsetMinutes(ctx.region);
  return (answer.users ?? []).map((u) => ({
    userId: String(u.userId),
    // `time` is when the mute ends; a permanent mute has none we can read.
    mutedUntil: parseRongCloudTime(u.time, offset),
  }));
}

export async function dismissGroup(
  ctx: RongCloudContext,
  input: DismissGroupInput,
  options?: CallOptions,
): Promise<void> {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  // Any user id may dismiss a classic group; it need not be a member.
  const actor =
    input.actorId === undefined ? "imgraph" : checkIds("actorId", [input.actorId], USER_ID)[0];
  await post(ctx, "dismissGroup", "/group/dismiss.json", { userId: actor, groupId }, options, true);
}

export async function listUserGroups(
  ctx: RongCloudContext,
  input: { userId: string } & PageInput,
  options?: CallOptions,
): Promise<Page<Group>> {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const size = pageLimit(input.limit, USER_GROUPS_PAGE_MAX);
  // RongCloud pages by number (1-based); our cursor carries the next page's offset.
  const offset = decodeOffset(input.cursor);
  if (offset % size !== 0)
    throw new BadUserInputError("cursor", "cursor does not match this page size.");
  const page = offset / size + 1;
  const found = await groupsOfUser(ctx, userId, page, size, options);
  return {
    items: found.map((g) => group(g.id, g.name, null)),
    nextCursor: found.length === size ? encodeOffset(offset + size) : null,
  };
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out.length ? out : [[]];
}
