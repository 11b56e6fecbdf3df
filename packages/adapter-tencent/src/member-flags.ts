import { type CallOptions, NotFoundError } from "@imgraph/core";
import { call, num, str, type TencentContext } from "./context.js";
import { MEMBER_FLAGS_PER_PAGE } from "./limits.js";

// A group member's message flag (MsgFlag, docs/vendors/tencent.md §3.1) is Tencent's
// per-group do-not-disturb: AcceptAndNotify notifies, AcceptNotNotify receives silently,
// Discard receives nothing (so notifies nothing either).

/** The flag that turns notifications off, and the one that turns them back on. */
export function msgFlagFor(doNotDisturb: boolean): string {
  return doNotDisturb ? "AcceptNotNotify" : "AcceptAndNotify";
}

/** Whether a flag means no notifications; null for a flag we do not know. */
export function doNotDisturbOf(flag: string | undefined): boolean | null {
  if (flag === "AcceptAndNotify") return false;
  if (flag === "AcceptNotNotify" || flag === "Discard") return true;
  return null;
}

interface MembersAnswer {
  MemberNum?: unknown;
  MemberList?: Array<{ Member_Account?: unknown; MsgFlag?: unknown }>;
}

/**
 * One member's MsgFlag: get_group_member_info answers every member, so this pages through
 * them (MEMBER_FLAGS_PER_PAGE a call, MsgFlag only) until it meets the user.
 */
export async function memberMsgFlag(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  userId: string,
  options: CallOptions | undefined,
): Promise<string | undefined> {
  for (let offset = 0; ; ) {
    const answer = await call<MembersAnswer>(
      ctx,
      operation,
      "group_open_http_svc/get_group_member_info",
      {
        GroupId: groupId,
        Limit: MEMBER_FLAGS_PER_PAGE,
        Offset: offset,
        MemberInfoFilter: ["MsgFlag"],
      },
      options,
      true,
    );
    const page = answer.MemberList ?? [];
    const me = page.find((m) => m?.Member_Account === userId);
    if (me) return str(me.MsgFlag);
    offset += page.length;
    const total = num(answer.MemberNum);
    const more = total === undefined ? page.length === MEMBER_FLAGS_PER_PAGE : offset < total;
    if (!more || page.length === 0) {
      throw new NotFoundError(`${userId} is not a member of group ${groupId}.`, {
        vendor: "tencent",
      });
    }
  }
}
