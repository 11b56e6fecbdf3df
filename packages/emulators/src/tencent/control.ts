/** Control-API hooks: seed data and simulated client logins (no REST equivalent). */
import { type ClientSessionInput, ControlError } from "../framework/index.js";
import { checkUserSig } from "./auth.js";
import type { TencentCallbacks } from "./callbacks.js";
import { importAccount } from "./commands/account.js";
import { seedPins } from "./conversation-control.js";
import { TimError } from "./errors.js";
import { isObject, type Json } from "./fields.js";
import {
  HAS_ADMINS,
  insertGroup,
  membershipCallback,
  newGroupId,
  newMember,
  parseGroupType,
} from "./groups.js";
import { seedIpLists } from "./ip-lists.js";
import { bannedUntil, enterLiveRoom, leaveLiveRoom } from "./live-rooms.js";
import { customStatusChange, endSessions, stateChange } from "./presence.js";
import type { AppState, Group } from "./state.js";

/** The app named by `input.app` (SDKAppID, number or string); default the first app. */
export function pickApp(apps: Map<number, AppState>, app: unknown): AppState {
  if (app === undefined || app === null || app === "") {
    const first = apps.values().next();
    if (first.done) throw new ControlError(400, "no app configured");
    return first.value;
  }
  const found = apps.get(Number(app));
  if (!found) throw new ControlError(404, `unknown app ${String(app)}`);
  return found;
}

function controlError(err: unknown): never {
  if (err instanceof TimError) throw new ControlError(400, `${err.code}: ${err.message}`);
  throw err;
}

/**
 * Seed: `{app?, accounts?: (userId | {userId, nick?, faceUrl?})[], groups?: [{groupId?, type?,
 * name?, owner?, members?: (userId | {account, role?})[]}], ipLists?: {"<nettype>": string[] |
 * null}, pins?: [{userId, type, peer, top?}], pushAttributeNames?: string[]}` or an array of
 * those. Accounts named by groups are imported on the way; ipLists sets what
 * ConfigSvc/GetIPList answers (see ip-lists.ts); pins pin conversations as a client SDK would
 * (see conversation-control.ts); pushAttributeNames names the app's push attributes, slot
 * "0" first, as timpush/set_attr_name would; customStatuses `[{userId, status}]` set custom
 * statuses as a client SDK's setSelfStatus would (one State.StateChange each).
 */
export function seed(
  apps: Map<number, AppState>,
  callbacks: TencentCallbacks,
  data: unknown,
  now: number,
): Json[] {
  const items = Array.isArray(data) ? data : [data];
  return items.map((item) => {
    if (!isObject(item))
      throw new ControlError(400, "seed data must be an object or an array of objects");
    const app = pickApp(apps, item.app);
    const ipLists = item.ipLists === undefined ? undefined : seedIpLists(app, item.ipLists);
    const imported: string[] = [];
    const ensure = (id: unknown) => {
      if (typeof id !== "string") throw new ControlError(400, "account ids must be strings");
      if (!app.accounts.has(id)) {
        importAccount(app, { userId: id }, now);
        imported.push(id);
      }
    };
    try {
      for (const a of Array.isArray(item.accounts) ? item.accounts : []) {
        if (typeof a === "string") ensure(a);
        else if (isObject(a) && typeof a.userId === "string") {
          const had = app.accounts.has(a.userId);
          importAccount(
            app,
            { userId: a.userId, nick: a.nick as string, faceUrl: a.faceUrl as string },
            now,
          );
          if (!had) imported.push(a.userId);
        } else throw new ControlError(400, "accounts[] must be ids or {userId}");
      }
      const groups: string[] = [];
      for (const g of Array.isArray(item.groups) ? item.groups : []) {
        if (!isObject(g)) throw new ControlError(400, "groups[] must be objects");
        const type = parseGroupType(g.type ?? "Public");
        const owner = typeof g.owner === "string" ? g.owner : "";
        if (owner) ensure(owner);
        const id = newGroupId(app, type, typeof g.groupId === "string" ? g.groupId : undefined);
        if (app.groups.has(id)) throw new ControlError(409, `group ${id} exists`);
        const group = insertGroup(
          app,
          { id, type, name: typeof g.name === "string" ? g.name : id, owner },
          now,
        );
        for (const m of Array.isArray(g.members) ? g.members : []) {
          const account = isObject(m) ? m.account : m;
          ensure(account);
          const role =
            isObject(m) && m.role === "Admin" && HAS_ADMINS.has(type) ? "Admin" : "Member";
          if (!group.members.has(account as string)) {
            group.members.set(account as string, newMember(account as string, role, now));
          }
          // A seeded live group's members are in the room (entered from their clients).
          if (type === "AVChatRoom" && !group.online.has(account as string)) {
            group.online.set(account as string, { joinTime: now, order: ++group.onlineOrder });
          }
        }
        groups.push(id);
      }
      const pins = item.pins === undefined ? undefined : seedPins(app, item.pins);
      if (item.customStatuses !== undefined)
        seedCustomStatuses(app, callbacks, item.customStatuses);
      if (item.pushAttributeNames !== undefined) seedPushAttrNames(app, item.pushAttributeNames);
      return {
        app: app.config.sdkAppId,
        imported,
        groups,
        ...(ipLists ? { ipLists } : {}),
        ...(pins ? { pins } : {}),
      };
    } catch (err) {
      return controlError(err);
    }
  });
}

/** Custom statuses set as a client SDK's setSelfStatus would: one State.StateChange each. */
function seedCustomStatuses(app: AppState, callbacks: TencentCallbacks, items: unknown): void {
  if (!Array.isArray(items)) throw new ControlError(400, "customStatuses must be a list");
  for (const item of items) {
    if (!isObject(item) || typeof item.userId !== "string" || typeof item.status !== "string")
      throw new ControlError(400, "customStatuses[] must be {userId, status}");
    const acc = app.accounts.get(item.userId);
    if (!acc) throw new ControlError(404, `${item.userId} is not imported`);
    customStatusChange(callbacks, app, acc, item.status);
  }
}

/** Names the app's push attributes: at most 10, slots "0".. in order. */
function seedPushAttrNames(app: AppState, names: unknown): void {
  if (!Array.isArray(names) || names.length > 10 || names.some((n) => typeof n !== "string")) {
    throw new ControlError(400, "pushAttributeNames must be at most 10 strings");
  }
  names.forEach((name, i) => {
    app.pushAttrNames.set(String(i), name as string);
  });
}

/**
 * Login `{app?, userId, platform?, groupId?, userSig?}`: the user goes online on that
 * platform (State.StateChange) and, with groupId, joins that free-join group. With userSig
 * the login is refused (401, Tencent's code in the message) unless a client SDK could log
 * in with it: the app's key, this user, not expired, not issued before a kick.
 */
export function login(
  apps: Map<number, AppState>,
  callbacks: TencentCallbacks,
  input: ClientSessionInput,
  nowMs: number,
) {
  const now = Math.floor(nowMs / 1000);
  const { app, userId, acc } = sessionAccount(apps, input);
  if (input.userSig !== undefined) {
    if (typeof input.userSig !== "string") throw new ControlError(400, "userSig must be a string");
    try {
      checkUserSig(app, input.userSig, userId, nowMs);
    } catch (err) {
      if (err instanceof TimError) throw new ControlError(401, `${err.code}: ${err.message}`);
      throw err;
    }
  }
  const platform = typeof input.platform === "string" && input.platform ? input.platform : "Web";
  // Refuse a bad join before anything changes.
  const group = input.groupId === undefined ? undefined : joinable(app, userId, input.groupId, now);
  acc.sessions.set(platform, now);
  stateChange(callbacks, app, acc, "Login", "Register", platform);
  if (group?.type === "AVChatRoom") enterLiveRoom(callbacks, app, group, userId, now);
  else if (group && !group.members.has(userId)) {
    group.members.set(userId, newMember(userId, "Member", now));
    const applied = { kind: "join", how: "Apply", operator: userId } as const;
    membershipCallback(callbacks, app, group, applied, [userId]);
  }
  return { userId, state: "Online", platforms: [...acc.sessions.keys()] };
}

/** The app and imported account a login or logout names (400 without userId, 404 unknown). */
function sessionAccount(apps: Map<number, AppState>, input: ClientSessionInput) {
  const app = pickApp(apps, input.app);
  const userId = input.userId;
  if (typeof userId !== "string" || userId === "")
    throw new ControlError(400, "userId is required");
  const acc = app.accounts.get(userId);
  if (!acc) throw new ControlError(404, `${userId} is not imported`);
  return { app, userId, acc };
}

/**
 * The group a client may join freely (Live/AVChatRoom, Meeting, Community or FreeAccess):
 * the only way into an AVChatRoom, which REST cannot add members to.
 */
function joinable(app: AppState, userId: string, groupId: unknown, now: number): Group {
  const g = typeof groupId === "string" ? app.groups.get(groupId) : undefined;
  if (!g) throw new ControlError(404, `unknown group ${String(groupId)}`);
  // A banned account cannot enter again until its ban ends (#17 §3.4).
  if (bannedUntil(g, userId, now) > 0)
    throw new ControlError(403, `${userId} is banned from ${g.id}`);
  if (g.members.has(userId)) return g;
  const free = g.type !== "Private" && (g.type !== "Public" || g.applyJoinOption === "FreeAccess");
  if (!free) throw new ControlError(403, `${g.id} does not allow free join`);
  if (g.members.size >= g.maxMemberNum) throw new ControlError(403, `${g.id} is full`);
  return g;
}

/**
 * Logout `{app?, userId, platform?, reason?: "Logout" | "Disconnect" | "TimeOut"}`: one
 * platform or all; Logout → Logout/Unregister, Disconnect → Disconnect/LinkClose,
 * TimeOut → Disconnect/TimeOut. With `groupId` of a live group (AVChatRoom) the client
 * leaves that room only and stays logged in: Logout quits it (MemberExit, ExitType Quit),
 * Disconnect and TimeOut drop it (OnMemberStateChange Offline).
 */
export function logout(
  apps: Map<number, AppState>,
  callbacks: TencentCallbacks,
  input: ClientSessionInput,
) {
  const { app, userId, acc } = sessionAccount(apps, input);
  const reason = input.reason ?? "Logout";
  if (reason !== "Logout" && reason !== "Disconnect" && reason !== "TimeOut") {
    throw new ControlError(400, "reason must be Logout, Disconnect or TimeOut");
  }
  if (input.groupId !== undefined) {
    const g = typeof input.groupId === "string" ? app.groups.get(input.groupId) : undefined;
    if (!g || g.type !== "AVChatRoom")
      throw new ControlError(404, `no live group ${String(input.groupId)}`);
    const how = reason === "Logout" ? "Quit" : "Offline";
    const left = leaveLiveRoom(callbacks, app, g, [userId], how, userId).length > 0;
    return { userId, groupId: g.id, left };
  }
  const action = reason === "Logout" ? "Logout" : "Disconnect";
  const why =
    reason === "Logout" ? "Unregister" : reason === "Disconnect" ? "LinkClose" : "TimeOut";
  if (typeof input.platform === "string" && input.platform) {
    if (acc.sessions.delete(input.platform))
      stateChange(callbacks, app, acc, action, why, input.platform);
  } else {
    endSessions(callbacks, app, acc, action, why);
  }
  return {
    userId,
    state: acc.sessions.size > 0 ? "Online" : "Offline",
    platforms: [...acc.sessions.keys()],
  };
}
