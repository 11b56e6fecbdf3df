/**
 * Live groups (AVChatRoom, docs/vendors/tencent.md #17 §3): who is in the room now, bans,
 * and what clients do through the control API (enter, leave, lose the connection) — REST
 * can neither add members to an AVChatRoom (10007) nor remove them (10004).
 */
import type { TencentCallbacks } from "./callbacks.js";
import { TimError } from "./errors.js";
import { type Json, UINT32_MAX } from "./fields.js";
import { findGroup, membershipCallback, newMember } from "./groups.js";
import type { AppState, Group } from "./state.js";

/** The live group, or 10007 for a group of another type (the code the pages give for it). */
export function findLiveRoom(app: AppState, id: string): Group {
  const g = findGroup(app, id);
  if (g.type !== "AVChatRoom") throw new TimError(10007, `${id} is not an AVChatRoom group`);
  return g;
}

/** 10007 when the app's edition or console switch leaves a live-group feature off. */
export function requireSwitch(on: boolean, feature: string): void {
  if (!on) throw new TimError(10007, `${feature} needs Pro+/Ultimate and its console switch`);
}

/** When the account's ban ends (absolute second, UINT32_MAX none); 0 when not banned now. */
export function bannedUntil(g: Group, account: string, now: number): number {
  const until = g.bans.get(account) ?? 0;
  if (until === UINT32_MAX || until > now) return until;
  if (until > 0) g.bans.delete(account);
  return 0;
}

/** A client enters: online now, and a member (NewMemberJoin, JoinType Apply) when it was not. */
export function enterLiveRoom(
  callbacks: TencentCallbacks,
  app: AppState,
  g: Group,
  userId: string,
  now: number,
): void {
  if (g.online.has(userId)) return;
  g.online.set(userId, { joinTime: now, order: ++g.onlineOrder });
  if (!g.members.has(userId)) g.members.set(userId, newMember(userId, "Member", now));
  membershipCallback(callbacks, app, g, { kind: "join", how: "Apply", operator: userId }, [userId]);
}

/**
 * Accounts leave the room: they quit, were removed (a ban: ExitType Kicked) — both
 * Group.CallbackAfterMemberExit — or lost their connection (Group.CallbackOnMemberStateChange
 * Offline, #17 §5, §8). The owner keeps its place in the durable members.
 */
export function leaveLiveRoom(
  callbacks: TencentCallbacks,
  app: AppState,
  g: Group,
  accounts: string[],
  how: "Quit" | "Kicked" | "Offline",
  operator: string,
): string[] {
  const gone = accounts.filter((id) => g.online.delete(id));
  for (const id of gone) if (g.members.get(id)?.role !== "Owner") g.members.delete(id);
  if (gone.length === 0) return gone;
  if (how === "Offline") {
    callbacks.send(app, "Group.CallbackOnMemberStateChange", {
      GroupId: g.id,
      Type: g.type,
      EventType: "Offline",
      MemberList: gone.map((Member_Account) => ({ Member_Account })),
    });
  } else {
    membershipCallback(callbacks, app, g, { kind: "exit", how, operator }, gone);
  }
  return gone;
}

/** The text of a MsgBody's text elements, or null when it has none. */
function textOf(body: Json[]): string | null {
  const texts = body
    .filter((e) => e.MsgType === "TIMTextElem")
    .map((e) => (e.MsgContent as Json | undefined)?.Text)
    .filter((t): t is string => typeof t === "string");
  return texts.length > 0 ? texts.join("") : null;
}

/** State dump: each live group's online members, bans and delivered messages (with priority). */
export function liveRoomDump(app: AppState, now: number): Json {
  const liveRooms = [...app.groups.values()]
    .filter((g) => g.type === "AVChatRoom")
    .map((g) => ({
      groupId: g.id,
      online: [...g.online.keys()],
      bans: [...g.bans.keys()]
        .map((id) => ({ account: id, until: bannedUntil(g, id, now) }))
        .filter((b) => b.until > 0),
      muteAll: g.muteAll,
      messages: g.messages.map((m) => ({
        from: m.from,
        text: textOf(m.body),
        priority: m.priority,
      })),
    }));
  return { liveRooms };
}
