/** Everything one emulated Tencent app remembers. Times are unix seconds unless named *Ms. */
import type { Json } from "./fields.js";
import { ipListsDump, type NetType } from "./ip-lists.js";
import type { ResolvedApp } from "./options.js";

export type ProfileValue = string | number;

export interface Account {
  userId: string;
  createdAt: number;
  profile: Map<string, ProfileValue>;
  /** UserSigs issued before this second are invalid (kick, §1.4 70052). */
  sigInvalidBefore?: number;
  /** Simulated client sessions: platform → login time. */
  sessions: Map<string, number>;
  /** Global mutes (openconfigsvr), absolute second; 0 = none; UINT32_MAX = permanent. */
  c2cMuteUntil: number;
  groupMuteUntil: number;
  /** Blocked account → time added. */
  blacklist: Map<string, number>;
  blackSeq: number;
  /** Friend table (sns): one row per direction, this account's side only. */
  friends: Map<string, FriendRow>;
  /** Friend lists (sns group_*), in creation order; they outlive their members. */
  friendLists: Set<string>;
  /** friend_get's StandardSequence / CustomSequence: bumped on every change of that data. */
  friendSeq: number;
  friendCustomSeq: number;
  /** Peer → last read time reported by this account (admin_set_msg_read). */
  readUpTo: Map<string, number>;
  /** Push tags (all_member_push im_*_tag), in the order added. */
  pushTags: Set<string>;
  /** Push attributes (timpush set_attr): attribute name → value, in the order set. */
  pushAttrs: Map<string, string>;
  /** Recent contacts (recentcontact/*), by contactKey: the user's conversation list. */
  contacts: Map<string, RecentContact>;
  /**
   * History this user cleared (recentcontact/delete ClearRamble 1), by contactKey: C2C
   * messages up to this arrival order, group messages up to this MsgSeq are gone for them.
   */
  cleared: Map<string, number>;
}

/** One entry of a user's conversation list (recentcontact/get_list SessionItem). */
export interface RecentContact {
  /** 1 C2C, 2 group. */
  type: 1 | 2;
  /** The peer account (C2C) or the group id. */
  peer: string;
  /** Last message time (unix s); 0 for an entry that never had one. */
  msgTime: number;
  /** Pinned: set by client SDKs only, here through the control seed (`pins`). */
  top: boolean;
  /** Bumped on every update: the tie-break between entries of the same second. */
  order: number;
}

/** One row of a friend table: what `userId` keeps about one friend. */
export interface FriendRow {
  addTime: number;
  addSource: string;
  remark: string;
  remarkTime: number;
  addWording: string;
  /** Friend lists (Tag_SNS_IM_Group) this friend is in. */
  groups: string[];
  /** Tag_SNS_Custom_* → value. */
  custom: Map<string, string>;
}

export type GroupType = "Private" | "Public" | "ChatRoom" | "AVChatRoom" | "Community";
export type Role = "Owner" | "Admin" | "Member";

export interface Member {
  account: string;
  role: Role;
  joinTime: number;
  msgFlag: string;
  /** Group messages this member has not read (get_joined_group_list SelfInfo.UnreadMsgNum). */
  unread: number;
  lastSendMsgTime: number;
  nameCard: string;
  appMemberDefinedData: Json[];
}

export interface GroupMessage {
  seq: number;
  from: string;
  random: number;
  time: number;
  body: Json[];
  cloudCustomData?: string;
  priority: string;
  recalled: boolean;
  /** Online-only messages are not stored in history (a hole in the sequence). */
  onlineOnly: boolean;
  topicId?: string;
  /** Sent with SupportMessageExtension 1: extensions may be set (msg-ext.ts). */
  supportExtension?: boolean;
  extensions?: MessageExtensions;
  /** Sent with IsNeedReadReceipt 1: the members expected to read it and who did. */
  receipt?: GroupReceipt;
  /** Deleted for everyone (delete_group_msg_by_sender): a hole in history, like a recall. */
  deleted?: boolean;
}

/** A group message's read receipts: members but the sender when it was sent; readers in order. */
export interface GroupReceipt {
  audience: string[];
  readers: string[];
}

/** One message's extensions (openim_msg_ext_http_svc): key → value at its Seq. */
export interface MessageExtensions {
  /** Bumped on every change; the changed key takes it. */
  latestSeq: number;
  /** LatestSeq at the last clear (OperateType 3); 0 = never cleared. */
  clearSeq: number;
  items: Map<string, { value: string; seq: number }>;
}

export interface SystemNotification {
  time: number;
  content: string;
  to: string[];
}

export interface Group {
  id: string;
  type: GroupType;
  name: string;
  owner: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  maxMemberNum: number;
  applyJoinOption: string;
  inviteJoinOption: string;
  muteAll: boolean;
  appDefinedData: Json[];
  supportTopic: number;
  createTime: number;
  lastInfoTime: number;
  lastMsgTime: number;
  /** Creation order in the app, the cursor of get_appid_group_list. */
  order: number;
  members: Map<string, Member>;
  /** Account → muted until (absolute second); survives leave/rejoin. */
  mutes: Map<string, number>;
  messages: GroupMessage[];
  nextSeq: number;
  notifications: SystemNotification[];
  /** Custom group attributes (group_open_attr_http_svc / *_group_attr), in the order set. */
  attributes: Map<string, string>;
  /** Group counters (*_group_counter): key → int64 value (kept within safe integers). */
  counters: Map<string, number>;
  /**
   * AVChatRoom: who is in the room now (entered from a client), apart from the durable
   * `members` (which keeps the owner whether or not it entered). `order` is the entry order,
   * the cursor get_members answers.
   */
  online: Map<string, { joinTime: number; order: number }>;
  onlineOrder: number;
  /** ban_group_member: account → banned until (absolute second; UINT32_MAX = no end). */
  bans: Map<string, number>;
}

export interface C2CMessage {
  from: string;
  to: string;
  seq: number;
  random: number;
  time: number;
  key: string;
  body: Json[];
  cloudCustomData?: string;
  recalled: boolean;
  /** SyncOtherMachine 2: not in the sender's roaming history. */
  hiddenFor?: string;
  /** Arrival order, the tie-break after time and MsgSeq. */
  order: number;
  /** Sent with SupportMessageExtension 1: extensions may be set (msg-ext.ts). */
  supportExtension?: boolean;
  extensions?: MessageExtensions;
  /** Users who deleted it from their copy of the history (delete_c2c_msg_ramble). */
  deletedFor?: Set<string>;
  /** The recipient sent a read receipt for it (c2c_msg_read_receipt). */
  receiptRead?: boolean;
  /** Imported with SyncFromOldSystem 2 (history): never unread. */
  importedHistory?: boolean;
}

/** One push task: all-member/tag/attribute push (timpush/push, im_push) or timpush/batch. */
export interface PushTask {
  taskId: string;
  kind: "push" | "batch";
  from: string;
  random: number;
  time: number;
  /** The MsgBody when the push carried a message (im_push always, timpush/push optionally). */
  body?: Json[];
  /** OfflinePushInfo Title / Desc / Ext: what the notification shows and hands over. */
  title?: string;
  desc?: string;
  ext?: string;
  condition?: Json;
  /** The accounts the emulator resolved the audience to. */
  recipients: string[];
  /** Recipients with a client session when pushed (the statistics' DeliveredCount). */
  online: number;
}

/** One hourly message log file (open_msg_svc/get_history, history-file.ts). */
export interface HistoryFile {
  /** UTC end of the Beijing hour (ms): the file is deleted 7 days after it. */
  hourEnd: number;
  /** The GZip'd JSON text. */
  gz: Buffer;
  /** Byte size and hex MD5 of the uncompressed text (FileSize, FileMD5). */
  size: number;
  md5: string;
  /** Hex MD5 of `gz` (GzipMD5). */
  gzMd5: string;
}

/** A download address get_history handed out: its file, until it expires. */
export interface HistoryLink {
  /** "<ChatType>/<MsgTime>", which the address's path repeats. */
  key: string;
  file: HistoryFile;
  expiresMs: number;
}

export interface DedupEntry {
  atMs: number;
  answer: Json;
}

export interface AppState {
  config: ResolvedApp;
  accounts: Map<string, Account>;
  /** Deleted account → deletion time (paid editions block re-import for 3 months). */
  deleted: Map<string, number>;
  groups: Map<string, Group>;
  groupOrder: number;
  /** Pair key (sorted ids) → messages in arrival order. */
  conversations: Map<string, C2CMessage[]>;
  messageOrder: number;
  /** Recent-contact updates so far (RecentContact.order). */
  contactOrder: number;
  c2cDedup: Map<string, DedupEntry>;
  groupDedup: Map<string, DedupEntry>;
  pushDedup: Map<number, DedupEntry>;
  /** timpush/batch: MsgRandom dedup within the same second. */
  batchDedup: Map<number, DedupEntry>;
  pushes: PushTask[];
  /** Push attribute names (timpush set_attr_name): slot "0"-"9" → name. */
  pushAttrNames: Map<string, string>;
  /** GetIPList lists set through the control API, by nettype (absent = default). */
  ipLists: Map<NetType, string[]>;
  /** send_broadcast_msg calls so far (its MsgSeq). */
  broadcastSeq: number;
  /**
   * Hourly message logs by "<ChatType>/<MsgTime>", made on the first ask after the hour and
   * then fixed; null = that hour had no message of the type (1004 for good).
   */
  historyFiles: Map<string, HistoryFile | null>;
  /** Download addresses handed out by get_history, by their random token. */
  historyLinks: Map<string, HistoryLink>;
}

export function newAccount(userId: string, now: number): Account {
  return {
    userId,
    createdAt: now,
    profile: new Map(),
    sessions: new Map(),
    c2cMuteUntil: 0,
    groupMuteUntil: 0,
    blacklist: new Map(),
    blackSeq: 0,
    friends: new Map(),
    friendLists: new Set(),
    friendSeq: 0,
    friendCustomSeq: 0,
    readUpTo: new Map(),
    pushTags: new Set(),
    pushAttrs: new Map(),
    contacts: new Map(),
    cleared: new Map(),
  };
}

export function createAppState(config: ResolvedApp, now: number): AppState {
  const state: AppState = {
    config,
    accounts: new Map(),
    deleted: new Map(),
    groups: new Map(),
    groupOrder: 0,
    conversations: new Map(),
    messageOrder: 0,
    contactOrder: 0,
    c2cDedup: new Map(),
    groupDedup: new Map(),
    pushDedup: new Map(),
    batchDedup: new Map(),
    pushes: [],
    pushAttrNames: new Map(),
    ipLists: new Map(),
    broadcastSeq: 0,
    historyFiles: new Map(),
    historyLinks: new Map(),
  };
  // Admin identifiers are accounts too: they send as the default From_Account.
  for (const admin of config.admins) state.accounts.set(admin, newAccount(admin, now));
  return state;
}

/** Whether a one-to-one message is in `user`'s copy of the history (not hidden, not deleted). */
export function inCopyOf(m: C2CMessage, user: string): boolean {
  return m.hiddenFor !== user && !m.deletedFor?.has(user);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Forget dedup entries older than their window (called on each send). */
function pruneDedup<K>(map: Map<K, DedupEntry>, nowMs: number, windowMs: number): void {
  for (const [k, v] of map) {
    if (nowMs - v.atMs > windowMs) map.delete(k);
    else break; // insertion order = time order
  }
}

/**
 * A send guarded by a dedup window: a repeat of `key` within `windowMs` gets the first answer
 * again and does nothing; otherwise `send()` runs and its answer is kept for the window.
 */
export function dedupSend<K>(
  map: Map<K, DedupEntry>,
  key: K,
  nowMs: number,
  windowMs: number,
  send: () => Json,
): Json {
  pruneDedup(map, nowMs, windowMs);
  const dup = map.get(key);
  if (dup) return dup.answer;
  const answer = send();
  map.set(key, { atMs: nowMs, answer });
  return answer;
}

/** dedupSend for a send that waits (the before-send callback): the first answer again. */
export async function dedupSendAsync<K>(
  map: Map<K, DedupEntry>,
  key: K,
  nowMs: number,
  windowMs: number,
  send: () => Promise<Json>,
): Promise<Json> {
  pruneDedup(map, nowMs, windowMs);
  const dup = map.get(key);
  if (dup) return dup.answer;
  const answer = await send();
  map.set(key, { atMs: nowMs, answer });
  return answer;
}

/** State dump for GET /__emulator/state (Maps as plain objects). */
export function dumpState(s: AppState): Json {
  return {
    sdkAppId: s.config.sdkAppId,
    edition: s.config.edition,
    accounts: [...s.accounts.values()].map((a) => ({
      userId: a.userId,
      profile: Object.fromEntries(a.profile),
      online: [...a.sessions.keys()],
      c2cMuteUntil: a.c2cMuteUntil,
      groupMuteUntil: a.groupMuteUntil,
      blacklist: [...a.blacklist.keys()],
      friends: [...a.friends.keys()],
    })),
    groups: [...s.groups.values()].map((g) => ({
      groupId: g.id,
      type: g.type,
      name: g.name,
      owner: g.owner,
      members: [...g.members.values()].map((m) => ({ account: m.account, role: m.role })),
      mutes: Object.fromEntries(g.mutes),
      messages: g.messages.length,
      nextSeq: g.nextSeq,
      notifications: g.notifications,
    })),
    conversations: [...s.conversations.values()].map((msgs) => msgs.length),
    pushes: s.pushes,
    pushAttrNames: Object.fromEntries(s.pushAttrNames),
    ipLists: ipListsDump(s),
  };
}
