/** Group rules shared by the group commands and seeding (tencent.md §3.6). */
import { randomBytes } from "node:crypto";
import type { TencentCallbacks } from "./callbacks.js";
import { TimError } from "./errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "./fields.js";
import type { AppState, Group, GroupType, Member, Role } from "./state.js";

export const GROUP_TYPES: readonly GroupType[] = [
  "Private",
  "Public",
  "ChatRoom",
  "AVChatRoom",
  "Community",
];

/**
 * Default member caps: Work 200, Public 2000, Meeting 6000 or 10000 (sources disagree,
 * unverified: the tolerant 10000), AVChatRoom unlimited, Community 100000.
 */
export const MEMBER_CAP: Record<GroupType, number> = {
  Private: 200,
  Public: 2_000,
  ChatRoom: 10_000,
  AVChatRoom: Number.MAX_SAFE_INTEGER,
  Community: 100_000,
};

const DEFAULT_APPLY: Record<GroupType, string> = {
  Private: "DisableApply",
  Public: "NeedPermission",
  ChatRoom: "FreeAccess",
  AVChatRoom: "FreeAccess",
  Community: "FreeAccess",
};

/** Types with an Admin role (Work and Live have owner + members only). */
export const HAS_ADMINS: ReadonlySet<GroupType> = new Set(["Public", "ChatRoom", "Community"]);

/**
 * Byte limits. The name limit is 30 bytes in the reference, newer docs may allow more
 * (unverified): we accept up to 100.
 */
export const LIMITS = { name: 100, introduction: 240, notification: 300, faceUrl: 100 } as const;

const APPLY_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"];
const CUSTOM_ID = /^[\x20-\x7e]+$/;

export function parseGroupType(v: unknown): GroupType {
  if (typeof v !== "string" || !(GROUP_TYPES as readonly string[]).includes(v)) {
    throw new TimError(10004, `Type must be one of ${GROUP_TYPES.join(", ")}`);
  }
  return v as GroupType;
}

/** The group, or 10015 for an id that cannot exist, 10010 for one that does not. */
export function findGroup(app: AppState, id: string): Group {
  const g = app.groups.get(id);
  if (g) return g;
  if (id === "" || utf8Bytes(id) > 48 || !CUSTOM_ID.test(id))
    throw new TimError(10015, `invalid GroupId ${id}`);
  throw new TimError(10010, `group ${id} does not exist or was dismissed`);
}

export function checkText(field: keyof typeof LIMITS, label: string, v: unknown): string {
  if (typeof v !== "string") throw new TimError(10004, `${label} must be a string`);
  if (utf8Bytes(v) > LIMITS[field])
    throw new TimError(10004, `${label} is over ${LIMITS[field]} bytes`);
  return v;
}

/** A group's texts: the key in state (and LIMITS) and the request field that sets it. */
export const GROUP_TEXTS = [
  ["name", "Name"],
  ["introduction", "Introduction"],
  ["notification", "Notification"],
  ["faceUrl", "FaceUrl"],
] as const;

type OptionalText = Exclude<(typeof GROUP_TEXTS)[number][0], "name">;

/** The texts besides the (required) name that a new group is given, checked; absent ones left out. */
export function optionalGroupTexts(f: Fields): Partial<Record<OptionalText, string>> {
  const texts: Partial<Record<OptionalText, string>> = {};
  for (const [k, field] of GROUP_TEXTS)
    if (k !== "name" && f.has(field)) texts[k] = checkText(k, field, f.raw[field]);
  return texts;
}

export function checkApplyOption(v: unknown, label = "ApplyJoinOption"): string {
  if (typeof v !== "string" || !APPLY_OPTIONS.includes(v)) {
    throw new TimError(10004, `${label} must be one of ${APPLY_OPTIONS.join(", ")}`);
  }
  return v;
}

export function checkAppData(v: unknown): Json[] {
  if (!Array.isArray(v) || !v.every((x) => isObject(x) && typeof x.Key === "string")) {
    throw new TimError(10004, "AppDefinedData must be [{Key, Value}]");
  }
  return v as Json[];
}

/** Auto ids start with `@TGS#` (Community `@TGS#_`); custom ids are printable ASCII ≤ 48 bytes. */
export function newGroupId(app: AppState, type: GroupType, custom: string | undefined): string {
  if (custom !== undefined) {
    const reserved =
      type === "Community" ? !custom.startsWith("@TGS#_") : custom.startsWith("@TGS#");
    if (!CUSTOM_ID.test(custom) || utf8Bytes(custom) > 48 || reserved) {
      throw new TimError(10015, `invalid custom GroupId ${custom}`);
    }
    return custom;
  }
  for (;;) {
    const tail = randomBytes(8)
      .toString("base64")
      .replace(/[^A-Za-z0-9]/g, "")
      .toUpperCase()
      .slice(0, 9);
    const id = `${type === "Community" ? "@TGS#_" : "@TGS#"}${GROUP_TYPES.indexOf(type) + 1}${tail}`;
    if (!app.groups.has(id)) return id;
  }
}

/** Who changed a group's membership: the callback, its JoinType or ExitType, and the operator. */
export interface MembershipChange {
  kind: "join" | "exit";
  /** JoinType ("Invited", "Apply") or ExitType ("Kicked"). */
  how: string;
  operator: string;
  reason?: string;
}

/**
 * Group.CallbackAfterNewMemberJoin or Group.CallbackAfterMemberExit for the accounts that
 * joined or left; nothing when there are none.
 */
export function membershipCallback(
  callbacks: TencentCallbacks,
  app: AppState,
  g: Group,
  change: MembershipChange,
  accounts: string[],
): void {
  if (accounts.length === 0) return;
  const join = change.kind === "join";
  callbacks.send(app, join ? "Group.CallbackAfterNewMemberJoin" : "Group.CallbackAfterMemberExit", {
    GroupId: g.id,
    Type: g.type,
    [join ? "JoinType" : "ExitType"]: change.how,
    Operator_Account: change.operator,
    [join ? "NewMemberList" : "ExitMemberList"]: accounts.map((Member_Account) => ({
      Member_Account,
    })),
    ...(change.reason !== undefined ? { Reason: change.reason } : {}),
  });
}

export function newMember(account: string, role: Role, now: number, data: Json[] = []): Member {
  return {
    account,
    role,
    joinTime: now,
    msgFlag: "AcceptAndNotify",
    unread: 0,
    lastSendMsgTime: 0,
    nameCard: "",
    appMemberDefinedData: data,
  };
}

export interface NewGroup {
  type: GroupType;
  name: string;
  owner: string;
  id: string;
  introduction?: string;
  notification?: string;
  faceUrl?: string;
  maxMemberNum?: number;
  applyJoinOption?: string;
  inviteJoinOption?: string;
  appDefinedData?: Json[];
  supportTopic?: number;
}

export function insertGroup(app: AppState, g: NewGroup, now: number): Group {
  const group: Group = {
    id: g.id,
    type: g.type,
    name: g.name,
    owner: g.owner,
    introduction: g.introduction ?? "",
    notification: g.notification ?? "",
    faceUrl: g.faceUrl ?? "",
    maxMemberNum: g.maxMemberNum ?? MEMBER_CAP[g.type],
    applyJoinOption: g.applyJoinOption ?? DEFAULT_APPLY[g.type],
    inviteJoinOption: g.inviteJoinOption ?? "",
    muteAll: false,
    appDefinedData: g.appDefinedData ?? [],
    supportTopic: g.supportTopic ?? 0,
    createTime: now,
    lastInfoTime: now,
    lastMsgTime: 0,
    order: ++app.groupOrder,
    members: new Map(),
    mutes: new Map(),
    messages: [],
    nextSeq: 1,
    notifications: [],
    attributes: new Map(),
    counters: new Map(),
    online: new Map(),
    onlineOrder: 0,
    bans: new Map(),
  };
  if (g.owner) group.members.set(g.owner, newMember(g.owner, "Owner", now));
  app.groups.set(group.id, group);
  return group;
}

/** Member until (absolute second) of a group mute, 0 when not muted. */
export function mutedUntil(g: Group, account: string, now: number): number {
  const until = g.mutes.get(account) ?? 0;
  return until > now ? until : 0;
}

export function memberInfo(g: Group, m: Member, now: number): Json {
  return {
    Member_Account: m.account,
    Role: m.role,
    JoinTime: m.joinTime,
    MsgSeq: Math.max(0, g.nextSeq - 1),
    MsgFlag: m.msgFlag,
    LastSendMsgTime: m.lastSendMsgTime,
    // ShutUpUntil in the reference, MuteUntil in newer docs (unverified): both.
    ShutUpUntil: mutedUntil(g, m.account, now),
    MuteUntil: mutedUntil(g, m.account, now),
    NameCard: m.nameCard,
    AppMemberDefinedData: m.appMemberDefinedData,
  };
}

/** Owner first, then by join time. */
export function orderedMembers(g: Group): Member[] {
  return [...g.members.values()].sort(
    (a, b) => Number(b.role === "Owner") - Number(a.role === "Owner") || a.joinTime - b.joinTime,
  );
}

export function baseInfo(app: AppState, g: Group): Json {
  return {
    GroupId: g.id,
    Type: g.type,
    Name: g.name,
    Appid: app.config.sdkAppId,
    Introduction: g.introduction,
    Notification: g.notification,
    FaceUrl: g.faceUrl,
    Owner_Account: g.owner,
    CreateTime: g.createTime,
    InfoSeq: 0,
    LastInfoTime: g.lastInfoTime,
    LastMsgTime: g.lastMsgTime,
    NextMsgSeq: g.nextSeq,
    MemberNum: g.members.size,
    MaxMemberNum: g.maxMemberNum,
    ApplyJoinOption: g.applyJoinOption,
    // MuteAllMember in current docs, ShutUpAllMember in older ones: both.
    MuteAllMember: g.muteAll ? "On" : "Off",
    ShutUpAllMember: g.muteAll ? "On" : "Off",
    AppDefinedData: g.appDefinedData,
  };
}

/** Keeps only the listed keys (a ResponseFilter); absent filter = everything. */
export function filterKeys(obj: Json, keys: unknown, always: string[] = []): Json {
  if (!Array.isArray(keys)) return obj;
  const keep = new Set([...always, ...keys.filter((k): k is string => typeof k === "string")]);
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keep.has(k)));
}

/** The sender of an admin action: an imported member with the right role (10007 otherwise). */
export function requireMember(g: Group, account: string): Member {
  const m = g.members.get(account);
  if (!m) throw new TimError(10007, `${account} is not a member of ${g.id}`);
  return m;
}
