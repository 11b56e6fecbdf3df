import type { CallOptions, GroupAttributes, JoinPolicy } from "@imgraph/core";
import { type ZegoContext, zim } from "./context.js";

// QueryGroupInfo (#17 §G4): the group's profile, limits, mute state and attributes, read
// as a registered user (FromUserId). It names no owner and no member count.

/** ZIM's JoinMode: 0 anyone joins, 1 on approval, 2 only by invitation (#17 §G3). */
export const JOIN_MODES: Record<JoinPolicy, number> = { OPEN: 0, APPROVAL: 1, CLOSED: 2 };

interface InfoAnswer {
  GroupName?: unknown;
  GroupNotice?: unknown;
  GroupAvatar?: unknown;
  GroupCreateTime?: unknown;
  IsAllForbid?: unknown;
  LimitInfo?: { MemberCountLimit?: unknown; JoinMode?: unknown };
  GroupAttributes?: Array<{ Key?: unknown; Value?: unknown }>;
}

/** One group's QueryGroupInfo, in neutral terms. */
export interface GroupInfo {
  name: string;
  createdAt: Date | null;
  /** "" (cleared) reads as null. */
  avatarUrl: string | null;
  announcement: string | null;
  joinPolicy: JoinPolicy | null;
  /** MemberCountLimit 0 means "the plan's cap", which the server does not name: null. */
  maxMembers: number | null;
  allMuted: boolean;
  attributes: GroupAttributes;
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

function joinPolicy(value: unknown): JoinPolicy | null {
  const n = Number(value);
  const found = Object.entries(JOIN_MODES).find(([, mode]) => mode === n);
  return found ? (found[0] as JoinPolicy) : null;
}

export async function groupInfo(
  ctx: ZegoContext,
  operation: string,
  groupId: string,
  asker: string,
  options?: CallOptions,
): Promise<GroupInfo> {
  const info = await zim<InfoAnswer>(
    ctx,
    {
      operation,
      action: "QueryGroupInfo",
      method: "POST",
      params: { FromUserId: asker, GroupId: groupId },
      idempotent: true,
    },
    options,
  );
  const created = Number(info.GroupCreateTime);
  const cap = Number(info.LimitInfo?.MemberCountLimit);
  const attributes: GroupAttributes = {};
  for (const a of info.GroupAttributes ?? []) {
    if (typeof a.Key === "string") attributes[a.Key] = typeof a.Value === "string" ? a.Value : "";
  }
  return {
    name: typeof info.GroupName === "string" ? info.GroupName : "",
    createdAt: Number.isFinite(created) && created > 0 ? new Date(created) : null,
    avatarUrl: text(info.GroupAvatar),
    announcement: text(info.GroupNotice),
    joinPolicy: joinPolicy(info.LimitInfo?.JoinMode),
    maxMembers: Number.isInteger(cap) && cap > 0 ? cap : null,
    // IsAllForbid or ForbidList (a role mute, not mute-all); an expired mute reads false.
    allMuted: info.IsAllForbid === true,
    attributes,
  };
}
