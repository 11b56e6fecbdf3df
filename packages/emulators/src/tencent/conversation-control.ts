/**
 * The control API's view of conversations: the seed's `pins` stand in
 * for a client SDK's pinConversation (REST pins with recentcontact/top), and the state dump
 * shows each user's conversations and the current content of stored messages, so tests
 * can check what the server keeps without going through an adapter.
 */
import { ControlError } from "../framework/index.js";
import { C2C, type ContactType, c2cUnread, GROUP, messageCount, touchContact } from "./contacts.js";
import { isObject, type Json } from "./fields.js";
import type { Account, AppState, RecentContact } from "./state.js";

/**
 * Seed `pins: [{userId, type: 1 | 2, peer, top?}]` (type 1 C2C with peer = the other
 * account, 2 group with peer = the group id; top defaults to true): what a client SDK's
 * pin or unpin leaves on the server. A conversation the user does not have yet is added
 * without a message (MsgTime 0). Checked as a whole before anything changes.
 */
export function seedPins(app: AppState, data: unknown): Json[] {
  if (!Array.isArray(data)) throw new ControlError(400, "pins must be an array");
  const pins = data.map((p) => {
    if (!isObject(p) || typeof p.userId !== "string" || typeof p.peer !== "string" || !p.peer)
      throw new ControlError(400, "pins[] must be {userId, type: 1 | 2, peer, top?}");
    if (p.type !== C2C && p.type !== GROUP)
      throw new ControlError(400, "pins[].type must be 1 or 2");
    if (p.top !== undefined && typeof p.top !== "boolean")
      throw new ControlError(400, "pins[].top must be a boolean");
    const acc = app.accounts.get(p.userId);
    if (!acc) throw new ControlError(404, `${p.userId} is not imported`);
    return { acc, type: p.type as ContactType, peer: p.peer, top: p.top ?? true };
  });
  return pins.map(({ acc, type, peer, top }) => {
    touchContact(app, acc, type, peer, 0).top = top;
    return { userId: acc.userId, type, peer, top };
  });
}

/** One user's conversation as the server keeps it; null where Tencent keeps no such thing. */
function view(app: AppState, acc: Account, e: RecentContact, now: number): Json {
  const member = e.type === GROUP ? app.groups.get(e.peer)?.members.get(acc.userId) : undefined;
  return {
    Type: e.type,
    ...(e.type === C2C ? { To_Account: e.peer } : { GroupId: e.peer }),
    MsgTime: e.msgTime,
    TopFlag: e.top ? 1 : 0,
    // A group the user left keeps its entry but no longer their unread count or flag.
    UnreadMsgNum: e.type === C2C ? c2cUnread(app, acc, e.peer) : (member?.unread ?? null),
    // One-to-one receive options are set by client SDKs only; REST keeps none.
    MsgFlag: member?.msgFlag ?? null,
    MessageCount: messageCount(app, acc, e, now),
  };
}

/**
 * For GET /__emulator/state: `recentContacts` (user → their conversations) and
 * `messageBodies` (what each stored message holds now, after edits; recalled ones left out).
 */
export function conversationDump(app: AppState, now: number): Json {
  const recentContacts: Record<string, Json[]> = {};
  for (const acc of app.accounts.values()) {
    if (acc.contacts.size === 0) continue;
    recentContacts[acc.userId] = [...acc.contacts.values()].map((e) => view(app, acc, e, now));
  }
  const c2c = [...app.conversations.values()].flatMap((list) =>
    list
      .filter((m) => !m.recalled)
      .map((m) => ({
        From_Account: m.from,
        To_Account: m.to,
        MsgKey: m.key,
        MsgBody: m.body,
        CloudCustomData: m.cloudCustomData ?? "",
      })),
  );
  const group = [...app.groups.values()].flatMap((g) =>
    g.messages
      .filter((m) => !m.recalled && !m.deleted && !m.onlineOnly)
      .map((m) => ({
        GroupId: g.id,
        MsgSeq: m.seq,
        From_Account: m.from,
        MsgBody: m.body,
        CloudCustomData: m.cloudCustomData ?? "",
      })),
  );
  return { recentContacts, messageBodies: { c2c, group } };
}
