/** ZIM group lifecycle and membership Actions (zego.md §2.4). */
import { ZegoError, ZIM } from "../errors.js";
import { generateGroupId, isValidId } from "../ids.js";
import { bytes } from "../params.js";
import type { Group, Member } from "../state.js";
import {
  group,
  groupAction,
  groupIdParam,
  type ItemError,
  offsetCursor,
  offsetPage,
  partial,
  sender,
  userIdList,
} from "./common.js";
import { type ActionContext, type ActionTable, perSecond, zimAction, zimRate } from "./types.js";

/** InviteUsersIntoGroup, DismissGroup, TransferGroupOwner, SetGroupMembersNickname (§1.10). */
export const PER_GROUP = perSecond(1);

export function addMember(g: Group, userId: string, role: number, now: number): Member {
  const m: Member = { userId, role, nickname: "", joinTime: now, muteUntil: 0 };
  g.members.set(userId, m);
  return m;
}

function create(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const ownerId = p.optStr("GroupOwner");
  if (!ownerId) throw new ZegoError(ZIM.ownerMissing, "GroupOwner is required");
  if (!isValidId(ownerId)) throw p.fail("GroupOwner must be ≤ 32 bytes of the allowed characters");
  const owner = app.users.get(ownerId);
  if (!owner) throw new ZegoError(ZIM.ownerMissing, `group owner ${ownerId} does not exist`);
  let groupId = p.optStr("GroupId") ?? "";
  if (groupId !== "") {
    if (groupId.startsWith("#")) throw p.fail("GroupId may not start with #");
    if (!isValidId(groupId)) throw p.fail("GroupId must be ≤ 32 bytes of the allowed characters");
  }
  const name = p.optStr("GroupName", { maxChars: 50 }) ?? "";
  const notice = p.optStr("GroupNotice", { maxBytes: 300 }) ?? "";
  const avatar = p.optStr("GroupAvatar", { maxBytes: 500 }) ?? "";
  const memberIds = p.strList("UserId", { max: 100, tooManyCode: ZIM.tooManyInitialMembers });
  const attrs = p.objList("Attributes", { max: 10, tooManyCode: ZIM.tooManyAttributes });
  const attributes = new Map<string, string>();
  for (const a of attrs) {
    const key = a.optStr("Key");
    const value = a.optStr("Value") ?? "";
    if (!key || bytes(key) > 16 || bytes(value) > 1024) {
      throw new ZegoError(ZIM.attributeLength, "attribute key ≤ 16 bytes and value ≤ 1024 bytes");
    }
    attributes.set(key, value);
  }
  const createTime = p.optInt("CreateGroupTime", { min: 0 }) ?? 0;
  if (createTime > now) throw p.fail("CreateGroupTime is in the future");
  if (groupId === "") {
    do groupId = generateGroupId();
    while (app.groups.has(groupId));
  } else if (app.groups.has(groupId)) {
    throw new ZegoError(ZIM.groupExists, `group ${groupId} already exists`);
  }
  if (app.groups.size >= app.config.groupLimit)
    throw new ZegoError(ZIM.groupLimit, "group count over plan limit");

  const at = createTime || now;
  const g: Group = {
    groupId,
    name,
    notice,
    avatar,
    owner: ownerId,
    members: new Map(),
    createdAt: at,
    dataSeq: 1,
    attributes,
    limit: { MemberCountLimit: 0, JoinMode: 0, InviteMode: 0, BeInvitedMode: 0 },
    pendingInvites: new Set(),
  };
  addMember(g, ownerId, 1, at);
  const ErrorUsers: ItemError[] = [];
  for (const id of memberIds) {
    if (g.members.has(id)) continue; // the owner (or a repeat) is de-duplicated
    // Unregistered members fail to join (660600017; the exact SubCode is unverified).
    if (!app.users.has(id)) ErrorUsers.push({ UserId: id, SubCode: ZIM.memberJoinFailed });
    else addMember(g, id, 3, at);
  }
  app.groups.set(groupId, g);
  ctx.callbacks.send(app, "group_create", {
    group_id: groupId,
    operator_account: ownerId,
    owner_account: ownerId,
    group_name: name,
    attributes: [...attributes].map(([key, value]) => ({ key, value })),
    user_ids: [...g.members.keys()],
  });
  return {
    GroupId: groupId,
    Members: [...g.members.keys()].map((id) => ({
      UserId: id,
      UserName: app.users.get(id)?.userName ?? "",
    })),
    ErrorUsers,
  };
}

function invite(ctx: ActionContext) {
  const { p, app, now } = ctx;
  const op = sender(ctx);
  const groupId = groupIdParam(ctx);
  ctx.limit(groupId, PER_GROUP, ZIM.scopeRate);
  const g = group(ctx, groupId);
  const infos = p.objList("GroupMemberInfos", { max: 100, tooManyCode: ZIM.tooManyUsers });
  let wanted: { id: string; time: number; consent: boolean }[];
  if (infos.length > 0) {
    wanted = infos.map((i) => {
      const time = i.optInt("EnterGroupTime", { min: 0 }) ?? 0;
      if (time > now) throw p.fail("EnterGroupTime is in the future");
      return {
        id: i.str("UserId"),
        time: time || now,
        consent: (i.optInt("IsInvite", { min: 0, max: 1 }) ?? 0) === 1,
      };
    });
  } else {
    const ids = userIdList(p, "UserIds", 100);
    wanted = ids.map((id) => ({ id, time: now, consent: false }));
  }
  wanted = wanted.filter((w) => w.id !== op.userId); // FromUserId is dropped from either list
  if (wanted.length === 0) throw p.fail("no user to invite");
  const ErrorUsers: ItemError[] = [];
  const joined: string[] = [];
  let ok = 0;
  for (const w of wanted) {
    // A non-existent user is a parameter error (660000002, as in the query APIs; unverified).
    if (!app.users.has(w.id)) {
      ErrorUsers.push({ UserId: w.id, SubCode: ZIM.badParam });
      continue;
    }
    ok++;
    if (g.members.has(w.id)) continue; // already a member: nothing to do (tolerant)
    if (w.consent) {
      g.pendingInvites.add(w.id); // waits for the invitee's client to accept
      continue;
    }
    addMember(g, w.id, 3, w.time);
    g.pendingInvites.delete(w.id);
    joined.push(w.id);
  }
  const out = partial(ok, ErrorUsers, "ErrorUsers", {}, ZIM.allFailed);
  if (joined.length > 0) {
    ctx.callbacks.send(app, "group_join", {
      group_id: groupId,
      operator_account: op.userId,
      join_type: "Invited",
      new_user_ids: joined,
    });
  }
  return out;
}

function kick(ctx: ActionContext) {
  const { p, app } = ctx;
  const op = sender(ctx);
  const groupId = groupIdParam(ctx);
  const ids = userIdList(p, "UserId", 50);
  p.optStr("CustomReason", { maxBytes: 32 });
  const g = group(ctx, groupId);
  const ErrorList: ItemError[] = [];
  const removed: string[] = [];
  for (const id of ids) {
    if (!g.members.delete(id)) ErrorList.push({ UserId: id, SubCode: ZIM.kickNotMember });
    else removed.push(id);
  }
  // Removing the owner makes the first user of the member list the new owner (§2.4).
  if (removed.includes(g.owner)) {
    const heir = g.members.values().next().value;
    g.owner = heir?.userId ?? "";
    if (heir) heir.role = 1;
  }
  const out = partial(removed.length, ErrorList, "ErrorList");
  ctx.callbacks.send(app, "group_exit", {
    group_id: groupId,
    exit_type: "Kickout",
    operator_account: op.userId,
    exit_user_ids: removed,
  });
  return out;
}

export const groupActions: ActionTable = {
  CreateGroup: zimAction("POST", create, zimRate(20, ZIM.createGroupRate)),

  DismissGroup: {
    product: "zim",
    method: "GET",
    handle(ctx) {
      // Any registered user may dismiss: membership/ownership is not required (§2.4).
      const op = sender(ctx);
      const groupId = groupIdParam(ctx);
      ctx.limit(groupId, PER_GROUP, ZIM.scopeRate);
      const g = group(ctx, groupId);
      ctx.app.groups.delete(groupId);
      ctx.app.groupConvs.delete(groupId);
      ctx.callbacks.send(ctx.app, "group_destroy", {
        group_id: groupId,
        operator_account: op.userId,
        owner_account: g.owner,
        user_ids: [...g.members.keys()],
      });
      return undefined;
    },
  },

  InviteUsersIntoGroup: { product: "zim", method: "POST", handle: invite },

  KickoutGroupUser: zimAction("POST", kick, zimRate(20, ZIM.kickRate)),

  QueryGroupMemberList: zimAction(
    "POST",
    (ctx) => {
      const g = group(ctx, groupIdParam(ctx));
      const asked = ctx.p.optInt("Limit") ?? 0;
      const limit = asked <= 0 || asked > 1000 ? 1000 : asked; // 0 / absent / too big → 1000
      const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
      const all = [...g.members.values()];
      const { page, ...counts } = offsetPage(all, next, limit);
      return {
        ...counts,
        MemberList: page.map((m) => ({
          UserId: m.userId,
          UserName: ctx.app.users.get(m.userId)?.userName ?? "",
          UserNickName: m.nickname,
          Role: m.role,
        })),
      };
    },
    zimRate(20, ZIM.memberListRate),
  ),

  QueryAppGroupList: zimAction(
    "GET",
    (ctx) => {
      const asked = ctx.p.optInt("Limit", { min: 0 }) ?? 0;
      const limit = asked === 0 || asked > 10_000 ? 10_000 : asked;
      const next = offsetCursor(ctx.p.optInt("Next", { min: 0 }));
      const all = [...ctx.app.groups.values()];
      const { page, ...counts } = offsetPage(all, next, limit);
      return {
        ...counts,
        GroupIdList: page.map((g) => ({ GroupId: g.groupId, GroupName: g.name })),
      };
    },
    zimRate(1, ZIM.groupListRate),
  ),

  QueryGroupInfo: groupAction("POST", (ctx, g) => {
    const mute = g.mute && (g.mute.until === -1 || g.mute.until > ctx.now) ? g.mute : undefined;
    // IsAllForbid or ForbidList, never both (§2.4); a permanent mute expires at -1 (unverified).
    const forbid = mute?.all
      ? { IsAllForbid: true }
      : mute && mute.roles.length > 0
        ? { ForbidList: mute.roles }
        : { IsAllForbid: false };
    return {
      GroupId: g.groupId,
      GroupName: g.name,
      GroupNotice: g.notice,
      GroupAvatar: g.avatar,
      GroupDataSeq: g.dataSeq,
      ...forbid,
      ForbidExpireTime: mute ? mute.until : 0,
      GroupCreateTime: g.createdAt,
      LimitInfo: { ...g.limit, NumberMessage: 0 },
      GroupAttributes: [...g.attributes].map(([Key, Value]) => ({ Key, Value })),
    };
  }),
};
