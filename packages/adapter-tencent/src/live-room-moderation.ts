import {
  BadUserInputError,
  checkActor,
  checkId,
  checkLiveRoomRestrict,
  checkLiveRoomUsers,
  itemOk,
  type LiveRoomRestriction,
  type LiveRoomRestrictRules,
  type LiveRoomUsersInput,
} from "@imgraph/core";
import { call, num, type Op, str } from "./context.js";
import { forbidSend, mutedAccounts } from "./group-mutes.js";
import { setMuteAll } from "./group-profile.js";
import {
  GROUP_ID,
  LIVE_ROOM_BAN_PAGES_MAX,
  LIVE_ROOM_BAN_REASON_MAX_BYTES,
  LIVE_ROOM_BANS_PER_PAGE,
  USER_ID,
  USERS_PER_LIVE_ROOM_MODERATION,
} from "./limits.js";
import { DURATION_SECONDS, endDate, isOver } from "./restriction-times.js";

// Live room moderation (docs/vendors/tencent.md #17 §3.4, §4): ban_group_member removes the
// users and keeps them out for Duration seconds (Tencent's only server-side removal from a
// live group); forbid_send_msg mutes for MuteTime seconds (0 lifts it); mute-all is
// modify_group_base_info MuteAllMember. Durations are seconds at Tencent as in the neutral
// model; 4294967295 s is Tencent's "no end", so the longest asked for is one second less.

const USERS = { room: GROUP_ID, user: USER_ID, perCall: USERS_PER_LIVE_ROOM_MODERATION };
const BAN_RULES: LiveRoomRestrictRules = {
  ...USERS,
  durationSeconds: DURATION_SECONDS,
  reasonMaxBytes: LIVE_ROOM_BAN_REASON_MAX_BYTES,
};
/** forbid_send_msg carries no reason: one given is refused, not dropped. */
const MUTE_RULES: LiveRoomRestrictRules = {
  ...USERS,
  durationSeconds: DURATION_SECONDS,
  reasonMaxBytes: null,
};

export const banLiveRoomMembers: Op<"banLiveRoomMembers"> = async (ctx, input, options) => {
  const ban = checkLiveRoomRestrict("tencent", "banLiveRoomMembers", input, BAN_RULES);
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "banLiveRoomMembers",
    "group_open_http_svc/ban_group_member",
    {
      GroupId: ban.roomId,
      Members_Account: ban.userIds,
      Duration: ban.durationSeconds,
      ...(ban.reason !== undefined ? { Description: ban.reason } : {}),
    },
    options,
    true,
  );
  return ban.userIds.map((id) => itemOk(id, true as const));
};

export const unbanLiveRoomMembers: Op<"unbanLiveRoomMembers"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, USERS);
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "unbanLiveRoomMembers",
    "group_open_http_svc/unban_group_member",
    { GroupId: roomId, Members_Account: userIds },
    options,
    true,
  );
  return userIds.map((id) => itemOk(id, true as const));
};

interface BanPage {
  BannedAccountList?: Array<{ Member_Account?: unknown; BannedUntil?: unknown }>;
  NextOffset?: unknown;
}

/** get_group_ban_member, every page (Offset from 0 until NextOffset is 0); ended bans left out. */
export const listLiveRoomBans: Op<"listLiveRoomBans"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const out: LiveRoomRestriction[] = [];
  const nowSeconds = ctx.now() / 1000;
  let offset = 0;
  for (let page = 0; page < LIVE_ROOM_BAN_PAGES_MAX; page++) {
    const answer = await call<BanPage>(
      ctx,
      "listLiveRoomBans",
      "group_open_http_svc/get_group_ban_member",
      { GroupId: roomId, Limit: LIVE_ROOM_BANS_PER_PAGE, Offset: offset },
      options,
      true,
    );
    for (const b of answer.BannedAccountList ?? []) {
      const userId = str(b?.Member_Account);
      const end = num(b?.BannedUntil);
      if (!userId || isOver(end, nowSeconds)) continue;
      out.push({ userId, until: endDate(end) });
    }
    const next = num(answer.NextOffset) ?? 0;
    if (next <= offset) break;
    offset = next;
  }
  return out;
};

export const muteLiveRoomMembers: Op<"muteLiveRoomMembers"> = async (ctx, input, options) => {
  const mute = checkLiveRoomRestrict("tencent", "muteLiveRoomMembers", input, MUTE_RULES);
  checkActor(input.actorId, USER_ID);
  await forbidSend(
    ctx,
    "muteLiveRoomMembers",
    mute.roomId,
    mute.userIds,
    mute.durationSeconds,
    options,
  );
  return mute.userIds.map((id) => itemOk(id, true as const));
};

export const unmuteLiveRoomMembers: Op<"unmuteLiveRoomMembers"> = async (
  ctx,
  input: LiveRoomUsersInput,
  options,
) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, USERS);
  checkActor(input.actorId, USER_ID);
  await forbidSend(ctx, "unmuteLiveRoomMembers", roomId, userIds, 0, options);
  return userIds.map((id) => itemOk(id, true as const));
};

/** get_group_muted_account; ended mutes left out. */
export const listLiveRoomMutes: Op<"listLiveRoomMutes"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const muted = await mutedAccounts(ctx, "listLiveRoomMutes", roomId, options);
  return muted.map(({ userId, endSeconds }) => ({ userId, until: endDate(endSeconds) }));
};

export const muteLiveRoom: Op<"muteLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  if (typeof input.muted !== "boolean") {
    throw new BadUserInputError("muted", "muted must be true or false.");
  }
  checkActor(input.actorId, USER_ID);
  await setMuteAll(ctx, "muteLiveRoom", roomId, input.muted, options);
};
