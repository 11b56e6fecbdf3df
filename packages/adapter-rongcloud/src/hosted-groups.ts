import {
  type CallOptions,
  checkActor,
  checkCount,
  checkGroupUsers,
  checkId,
  checkIds,
  decodeCursor,
  distinct,
  encodeCursor,
  type Group,
  type GroupMembersInput,
  ImError,
  type ItemResult,
  itemOk,
  pageLimit,
  runIdBatches,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import {
  HOSTED_CREATE_MEMBERS,
  HOSTED_GROUPS_PAGE_MAX,
  HOSTED_JOIN_MEMBERS,
  HOSTED_MEMBER_PAGE_MAX,
  HOSTED_MEMBERS_PER_READ,
} from "./group-limits.js";
import {
  hostedGroup,
  jsonPart,
  memberPage,
  readAllMuted,
  readGroupProfile,
  readMembers,
} from "./hosted-group-reads.js";
import {
  GROUP_ID,
  GROUP_MEMBER_CAP,
  GROUP_USERS,
  USER_ID,
  USERS_PER_MEMBER_CHECK,
} from "./limits.js";
import { checkNewGroup } from "./new-groups.js";

// The group operations on RongCloud's hosted groups (/entrust/group/*, features.hostedGroups):
// real groups with an owner, admins and members. group-modes.ts picks these or the classic ones.

/** Token-paged lists: the cursor carries RongCloud's pageToken. */
function tokenOf(kind: string, cursor: string | null | undefined): string | undefined {
  return decodeCursor<{ t: string }>(kind, cursor, { t: "string" })?.t;
}
const nextCursor = (kind: string, token: string) =>
  token ? encodeCursor(kind, { t: token }) : null;

/** One call per chunk of `userIds` (comma-joined, as the SDKs send them). */
function membersChange(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  input: GroupMembersInput,
  options: CallOptions | undefined,
): Promise<ItemResult<true>[]> {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS);
  return runIdBatches(ctx, userIds, HOSTED_JOIN_MEMBERS, async (chunk) => {
    await post(ctx, operation, path, { groupId, userIds: chunk.join(",") }, options, true);
    return chunk.map((id) => itemOk(id, true as const));
  });
}

export const createGroup: Op<"createGroup"> = async (ctx, input, options) => {
  const { groupId, name, ownerId: owner, memberIds } = checkNewGroup(input);
  const members = distinct(memberIds).filter((id) => id !== owner);
  checkCount("memberIds", [owner, ...members], { max: GROUP_MEMBER_CAP });
  // create takes the owner and up to 30 members; the rest join 100 a call.
  const first = members.slice(0, HOSTED_CREATE_MEMBERS);
  const fields = { groupId, name, owner, ...(first.length ? { userIds: first.join(",") } : {}) };
  await post(ctx, "createGroup", "/entrust/group/create.json", fields, options, false);
  const rest = members.slice(HOSTED_CREATE_MEMBERS);
  for (let i = 0; i < rest.length; i += HOSTED_JOIN_MEMBERS) {
    const userIds = rest.slice(i, i + HOSTED_JOIN_MEMBERS).join(",");
    await post(ctx, "createGroup", "/entrust/group/join.json", { groupId, userIds }, options, true);
  }
  return { id: groupId, name, ownerId: owner, memberCount: members.length + 1, createdAt: null };
};

/** The profile and whether the group is muted as a whole (two calls). */
export const getGroup: Op<"getGroup"> = async (ctx, groupId, options) => {
  checkId("groupId", groupId, GROUP_ID);
  const profile = await readGroupProfile(ctx, "getGroup", groupId, options);
  if (!profile) return null;
  const muted = await readAllMuted(ctx, "getGroup", [groupId], options);
  return hostedGroup(profile, muted.get(groupId) ?? false);
};

export const listGroupMembers: Op<"listGroupMembers"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const size = pageLimit(input.limit, HOSTED_MEMBER_PAGE_MAX);
  const pageToken = tokenOf("hostedMembers", input.cursor);
  const page = await memberPage(ctx, "listGroupMembers", { groupId, size, pageToken }, options);
  return { items: page.members, nextCursor: nextCursor("hostedMembers", page.pageToken) };
};

export const addGroupMembers: Op<"addGroupMembers"> = (ctx, input, options) =>
  membersChange(ctx, "addGroupMembers", "/entrust/group/join.json", input, options);

/** Kicked members (the owner cannot be: RongCloud refuses the call, 25417). */
export const removeGroupMembers: Op<"removeGroupMembers"> = (ctx, input, options) =>
  membersChange(ctx, "removeGroupMembers", "/entrust/group/member/kick.json", input, options);

export const dismissGroup: Op<"dismissGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  await post(ctx, "dismissGroup", "/entrust/group/dismiss.json", { groupId }, options, true);
};

/** 100 users a call (/entrust/group/member/specific/query.json answers only members). */
export const checkGroupMembers: Op<"checkGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds } = checkGroupUsers(input, GROUP_USERS, USERS_PER_MEMBER_CHECK);
  return runIdBatches(ctx, userIds, HOSTED_MEMBERS_PER_READ, async (chunk) => {
    const found = await readMembers(ctx, "checkGroupMembers", groupId, chunk, options);
    return chunk.map((id) => itemOk(id, found.has(id)));
  });
};

/**
 * The old owner stays as a plain member (isQuit 0). RongCloud would hand the group to anyone,
 * even an unregistered id; the new owner must be a member (as Tencent and ZEGO require), so
 * that is read first, as checkGroupMembers does.
 */
export const transferGroupOwnership: Op<"transferGroupOwnership"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const [newOwner] = checkIds("newOwnerId", [input.newOwnerId], USER_ID) as [string];
  checkActor(input.actorId, USER_ID);
  const found = await readMembers(ctx, "transferGroupOwnership", groupId, [newOwner], options);
  if (!found.has(newOwner)) {
    const why = `The new owner ${newOwner} must be a member of the group.`;
    throw new ImError("VENDOR_REJECTED", why, { vendor: "rongcloud" });
  }
  const fields = { groupId, newOwner, isQuit: 0 };
  await post(
    ctx,
    "transferGroupOwnership",
    "/entrust/group/transfer/owner.json",
    fields,
    options,
    true,
  );
};

/** The user's hosted groups (RongCloud answers id, name and the user's role). */
export const listUserGroups: Op<"listUserGroups"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const size = pageLimit(input.limit, HOSTED_MEMBER_PAGE_MAX);
  const pageToken = tokenOf("hostedUserGroups", input.cursor);
  const answer = await post<{ groups?: Array<Record<string, unknown>>; pageToken?: unknown }>(
    ctx,
    "listUserGroups",
    "/entrust/joined/group/query.json",
    { userId, size, ...(pageToken ? { pageToken } : {}) },
    options,
    true,
  );
  const items = (answer.groups ?? []).map(
    (g): Group => ({
      id: String(g.groupId),
      name: typeof g.name === "string" ? g.name : "",
      // The role is the user's: an owner role names the owner.
      ownerId: Number(g.role) === 3 ? userId : null,
      memberCount: null,
      createdAt: null,
    }),
  );
  const token = typeof answer.pageToken === "string" ? answer.pageToken : "";
  return { items, nextCursor: items.length ? nextCursor("hostedUserGroups", token) : null };
};

/** Every hosted group of the app, oldest first, with the profile the list carries. */
export const listAppGroups: Op<"listAppGroups"> = async (ctx, input, options) => {
  const size = pageLimit(input?.limit, HOSTED_GROUPS_PAGE_MAX);
  const pageToken = tokenOf("hostedAppGroups", input?.cursor);
  const answer = await post<{ groups?: Array<Record<string, unknown>>; pageToken?: unknown }>(
    ctx,
    "listAppGroups",
    "/entrust/group/query.json",
    { size, order: 0, ...(pageToken ? { pageToken } : {}) },
    options,
    true,
  );
  const items = (answer.groups ?? []).map((g): Group => {
    const profile = jsonPart(g.groupProfile);
    const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
    const time = Number(g.time);
    return {
      id: String(g.groupId),
      name: text(g.name) ?? "",
      ownerId: text(g.owner),
      memberCount: null,
      createdAt: Number.isFinite(time) && time > 0 ? new Date(time) : null,
      avatarUrl: text(g.portraitUrl) ?? text(profile.portraitUrl),
      introduction: text(profile.introduction),
      announcement: text(profile.announcement),
    };
  });
  const token = typeof answer.pageToken === "string" ? answer.pageToken : "";
  return { items, nextCursor: items.length ? nextCursor("hostedAppGroups", token) : null };
};
