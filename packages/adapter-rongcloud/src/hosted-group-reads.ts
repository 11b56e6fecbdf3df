import {
  type CallOptions,
  type Group,
  type GroupMember,
  type GroupRole,
  isJsonObject,
  type JoinPolicy,
  parseJsonObject,
} from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";
import { neutralAttributes } from "./ext-attributes.js";

// Reading RongCloud's hosted groups (vendor reference #17 §1.2–1.3): profiles and members as
// the server answers them, parsed tolerantly (JSON parts as text or objects, numbers as
// numbers or strings), and turned into neutral groups and members.

/** One hosted group's profile query entry, parsed. */
export interface HostedProfile {
  id: string;
  name: string;
  owner: string | null;
  createdAt: Date | null;
  memberCount: number | null;
  profile: Record<string, unknown>;
  /** Neutral attribute keys (the `ext_` prefix dropped). */
  attributes: Record<string, string>;
  permissions: Record<string, unknown>;
}

/** A JSON part given as text or as an object; {} when absent or unreadable. */
export function jsonPart(value: unknown): Record<string, unknown> {
  if (isJsonObject(value)) return value;
  return parseJsonObject(typeof value === "string" ? value : undefined) ?? {};
}

function numberOf(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

type Entry = Record<string, unknown>;

/** The profiles of up to 50 groups; unknown groups are left out of the answer. */
export async function readGroupProfiles(
  ctx: RongCloudContext,
  operation: string,
  groupIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, HostedProfile>> {
  // The SDKs send one comma-joined groupIds (the doc's example repeats groupId).
  const answer = await post<{ profiles?: Entry[]; groups?: Entry[] }>(
    ctx,
    operation,
    "/entrust/group/profile/query.json",
    { groupIds: groupIds.join(",") },
    options,
    true,
  );
  const found = new Map<string, HostedProfile>();
  for (const e of answer.profiles ?? answer.groups ?? []) {
    const profile = jsonPart(e.groupProfile);
    const created = numberOf(e.createTime);
    found.set(String(e.groupId), {
      id: String(e.groupId),
      name: text(e.groupName) ?? text(e.name) ?? text(profile.name) ?? "",
      owner: text(e.owner),
      createdAt: created === null ? null : new Date(created),
      memberCount: numberOf(e.memberCount),
      profile,
      attributes: neutralAttributes(jsonPart(e.groupExtProfile)),
      permissions: jsonPart(e.permissions),
    });
  }
  return found;
}

/** One group's profile; null when RongCloud has no hosted group of that id. */
export async function readGroupProfile(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  options: CallOptions | undefined,
): Promise<HostedProfile | null> {
  return (await readGroupProfiles(ctx, operation, [groupId], options)).get(groupId) ?? null;
}

/** joinPerm: 0 owner approval (default), 1 anyone, 2 owner or admin approval, 3 nobody. */
const JOIN_POLICY_OF: Record<number, JoinPolicy> = {
  0: "APPROVAL",
  1: "OPEN",
  2: "APPROVAL",
  3: "CLOSED",
};
export const JOIN_PERM_OF: Record<JoinPolicy, number> = { OPEN: 1, APPROVAL: 2, CLOSED: 3 };

/** A neutral group of a hosted profile (maxMembers: RongCloud has no such field). */
export function hostedGroup(p: HostedProfile, allMuted: boolean | null): Group {
  return {
    id: p.id,
    name: p.name,
    ownerId: p.owner,
    memberCount: p.memberCount,
    createdAt: p.createdAt,
    avatarUrl: text(p.profile.portraitUrl),
    introduction: text(p.profile.introduction),
    announcement: text(p.profile.announcement),
    joinPolicy: JOIN_POLICY_OF[numberOf(p.permissions.joinPerm) ?? 0] ?? null,
    maxMembers: null,
    allMuted,
  };
}

/** Member roles: 1 member, 2 admin, 3 owner (#17 §1.3). */
const ROLE_OF: Record<number, GroupRole> = { 1: "MEMBER", 2: "ADMIN", 3: "OWNER" };
export const ADMIN_ROLE = 2;

/** One member of a member query, as neutral. An unknown role reads as MEMBER. */
export function hostedMember(e: Entry): GroupMember {
  const joined = numberOf(e.time);
  return {
    userId: String(e.userId),
    role: ROLE_OF[numberOf(e.role) ?? 1] ?? "MEMBER",
    joinedAt: joined === null ? null : new Date(joined),
    nameCard: text(e.nickname),
    fields: memberFields(e.extra),
  };
}

/**
 * Custom member fields are imgraph's JSON object in `extra`; an `extra` a client wrote in
 * another shape is kept whole under the key "extra".
 */
export function memberFields(extra: unknown): Record<string, string> | null {
  if (typeof extra !== "string" || extra === "") return null;
  const map = parseJsonObject(extra);
  if (!map) return { extra };
  return Object.fromEntries(
    Object.entries(map).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}

/** The chosen members (≤100) of a group; users who are not members are left out. */
export async function readMembers(
  ctx: RongCloudContext,
  operation: string,
  groupId: string,
  userIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, GroupMember>> {
  const answer = await post<{ members?: Entry[] }>(
    ctx,
    operation,
    "/entrust/group/member/specific/query.json",
    { groupId, userIds: userIds.join(",") },
    options,
    true,
  );
  return new Map((answer.members ?? []).map((e) => [String(e.userId), hostedMember(e)]));
}

/** One page of a group's members, oldest first; `type` 2 only the admins. */
export async function memberPage(
  ctx: RongCloudContext,
  operation: string,
  ask: { groupId: string; size: number; pageToken?: string; type?: number },
  options: CallOptions | undefined,
): Promise<{ members: GroupMember[]; pageToken: string; totalCount: number | null }> {
  const { groupId, size, pageToken, type } = ask;
  const answer = await post<{ members?: Entry[]; pageToken?: unknown; totalCount?: unknown }>(
    ctx,
    operation,
    "/entrust/group/member/query.json",
    { groupId, size, order: 0, ...(pageToken ? { pageToken } : {}), ...(type ? { type } : {}) },
    options,
    true,
  );
  return {
    members: (answer.members ?? []).map(hostedMember),
    pageToken: typeof answer.pageToken === "string" ? answer.pageToken : "",
    totalCount: numberOf(answer.totalCount),
  };
}

/** Whether each group (≤20) is muted as a whole (/group/ban/query.json: stat 1). */
export async function readAllMuted(
  ctx: RongCloudContext,
  operation: string,
  groupIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, boolean>> {
  const answer = await post<{ groupinfo?: Entry[]; groups?: Entry[] }>(
    ctx,
    operation,
    "/group/ban/query.json",
    { groupId: groupIds },
    options,
    true,
  );
  // The doc names the list groupinfo; Java's result class reads groups (#17 §1.1).
  const list = answer.groupinfo ?? answer.groups ?? [];
  return new Map(list.map((e) => [String(e.groupId), numberOf(e.stat) === 1]));
}
