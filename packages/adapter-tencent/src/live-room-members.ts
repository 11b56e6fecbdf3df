import {
  type CallOptions,
  checkId,
  checkLiveRoomUsers,
  cursorError,
  decodeCursor,
  encodeCursor,
  itemOk,
  type LiveRoomMember,
  type Page,
  type PageInput,
  pageLimit,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, type Op, str, type TencentContext } from "./context.js";
import { GROUP_ID, PAGE_MAX, USER_ID, USERS_PER_LIVE_ROOM_CHECK } from "./limits.js";

// Who is in a live group now (docs/vendors/tencent.md #17 §3.2, §3.3):
// group_open_avchatroom_http_svc/get_members pages by a Timestamp cursor (0 first, then the
// answered NextTimestamp, 0 at the end) with a page size of its own (250 or 500): a neutral
// page is a slice of one vendor page, its cursor the vendor cursor plus the slice's start.
// Without the console's online-member-list switch Tencent lists only the 30 latest members.

interface MembersAnswer {
  MemberList?: Array<{ Member_Account?: unknown; JoinTime?: unknown; NickName?: unknown }>;
  NextTimestamp?: unknown;
}

const KIND = "liveRoomMembers";

/** One page of a live group's online members (listRoomUsers reads rooms through it too). */
export async function liveMemberPage(
  ctx: TencentContext,
  operation: string,
  input: { roomId: string } & PageInput,
  options: CallOptions | undefined,
): Promise<Page<LiveRoomMember>> {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const limit = pageLimit(input.limit, PAGE_MAX);
  const at = decodeCursor<{ t: number; s: number }>(KIND, input.cursor, {
    t: "number",
    s: "number",
  }) ?? { t: 0, s: 0 };
  if (![at.t, at.s].every((n) => Number.isSafeInteger(n) && n >= 0)) throw cursorError();
  const answer = await call<MembersAnswer>(
    ctx,
    operation,
    "group_open_avchatroom_http_svc/get_members",
    { GroupId: roomId, Timestamp: at.t },
    options,
    true,
  );
  const all = (answer.MemberList ?? [])
    .filter((m) => typeof m?.Member_Account === "string")
    .map(
      (m): LiveRoomMember => ({
        userId: m.Member_Account as string,
        joinedAt: fromUnixSeconds(m.JoinTime),
        // "" is no nickname.
        name: str(m.NickName) || null,
      }),
    );
  const end = at.s + limit;
  const next = num(answer.NextTimestamp) ?? 0;
  const nextCursor =
    end < all.length
      ? encodeCursor(KIND, { t: at.t, s: end })
      : next > 0
        ? encodeCursor(KIND, { t: next, s: 0 })
        : null;
  return { items: all.slice(at.s, end), nextCursor };
}

export const listLiveRoomMembers: Op<"listLiveRoomMembers"> = (ctx, input, options) =>
  liveMemberPage(ctx, "listLiveRoomMembers", input, options);

/** check_members answers the accounts in the room; the others are not (40 s granularity). */
export const checkLiveRoomMembers: Op<"checkLiveRoomMembers"> = async (ctx, input, options) => {
  const { roomId, userIds } = checkLiveRoomUsers(input, {
    room: GROUP_ID,
    user: USER_ID,
    perCall: USERS_PER_LIVE_ROOM_CHECK,
  });
  const answer = await call<{ Member_Account?: unknown }>(
    ctx,
    "checkLiveRoomMembers",
    "group_open_avchatroom_http_svc/check_members",
    { GroupId: roomId, Member_Account: userIds },
    options,
    true,
  );
  const inside = new Set(Array.isArray(answer.Member_Account) ? answer.Member_Account : []);
  return userIds.map((id) => itemOk(id, inside.has(id)));
};
