/** Everything one emulated RongCloud app remembers (rongcloud.md §5, "State"). */
import type { ResolvedAppConfig } from "./options.js";

export interface User {
  userId: string;
  name: string;
  portraitUri: string;
  createdAt: number;
}

export interface Deactivation {
  operateId: string;
  at: number;
  /** The asynchronous job finished (callback sent). */
  done: boolean;
}

export interface Profile {
  version: number;
  userProfile: Record<string, unknown>;
  userExtProfile: Record<string, unknown>;
  createdAt: number;
}

export interface Group {
  id: string;
  name: string;
  /** userId → join time (insertion order = join order). */
  members: Map<string, number>;
  createdAt: number;
}

export interface Mute {
  start: number;
  /** null = permanent. */
  until: number | null;
}

/** 1 member, 2 admin (manager), 3 owner (#17 §1.3, VERIFIED: the member query's `role`). */
export type HostedRole = 1 | 2 | 3;

export interface HostedMember {
  role: HostedRole;
  /** Join time, ms. */
  time: number;
  /** The member's name card (`/entrust/group/member/set.json`); "" when never set. */
  nickname: string;
  /** One opaque string (≤128), "" when never set. */
  extra: string;
}

export const HOSTED_MEMBER = 1;
export const HOSTED_ADMIN = 2;
export const HOSTED_OWNER = 3;

/** A member who has just joined with `role`: no name card, no extra. */
export const hostedMember = (role: HostedRole, time: number): HostedMember => ({
  role,
  time,
  nickname: "",
  extra: "",
});

export interface HostedGroup {
  groupId: string;
  name: string;
  /** Who created it (the first owner); the app-wide list answers it. */
  creator: string;
  owner: string;
  members: Map<string, HostedMember>;
  groupProfile: Record<string, unknown>;
  permissions: Record<string, unknown>;
  groupExtProfile: Record<string, unknown>;
  createdAt: number;
}

export interface Chatroom {
  id: string;
  name: string;
  createdAt: number;
  /** 0 destroy when inactive, 1 destroy at a fixed time. */
  destroyType: 0 | 1;
  /** Minutes. */
  destroyTime: number;
  ban: boolean;
  whiteUserIds: string[];
  /** userId → join time. */
  members: Map<string, number>;
  lastActivity: number;
  /** Custom attributes (KV, #17 §2.8): key → entry; destroyed with the room. */
  entries: Map<string, ChatroomEntry>;
  /** Changes of `entries` so far: the KV sync callback's `version` (unverified numbering). */
  kvVersion?: number;
  /** The user whitelist (never auto-exited; ≤5, #17 §2.10). */
  userWhitelist: Set<string>;
}

/** One chatroom KV pair: its value, who set it last and when. */
export interface ChatroomEntry {
  value: string;
  userId: string;
  autoDelete: boolean;
  lastSetTime: number;
}

/** 1 private, 3 group, 4 chatroom, 6 system (recall's conversationType enum). */
export type ConversationType = 1 | 3 | 4 | 6;

export interface StoredMessage {
  uid: string;
  sentTime: number;
  fromUserId: string;
  /** Recipient user (private/system), group or chatroom id. */
  targetId: string;
  conversationType: ConversationType;
  objectName: string;
  content: string;
  /** Stored in cloud history (isPersisted and not a status message). */
  persisted: boolean;
  expansion: boolean;
  extraContent?: Record<string, unknown>;
  /**
   * The message's extension keys now (`/message/expansion/*`): value and server time of the
   * last write. Made from `extraContent` on the first expansion call.
   */
  expansionKv?: Record<string, { v: string; ts: number }>;
  busChannel: string;
  /** Targeted group message: only these members see it. */
  toUserIds?: string[];
  recalled?: { at: number; by: string; isDelete: boolean };
  /** Routing's `sensitiveType` (§3.4): 2 when a sensitive word was replaced; else 0. */
  sensitiveType?: 0 | 2;
}

/** A sensitive word (#18 §2): `replaceWord` "" blocks; `activeAt` is when it applies (ms). */
export interface SensitiveWordEntry {
  word: string;
  replaceWord: string;
  activeAt: number;
}

/** A message moderation kept from its recipients (#18): by which rule, and why. */
export interface ModeratedMessage {
  uid: string;
  at: number;
  fromUserId: string;
  targetId: string;
  conversationType: ConversationType;
  objectName: string;
  content: string;
  /** What stopped it: a blocking sensitive word, or the app server's pass=0. */
  by: "sensitive-word" | "message-callback";
  /** The app server's `extra` for the sender (message callback blocks). */
  extra?: string;
}

/** One message callback request (#18 §1) and what came of it. */
export interface PreSendRecord {
  uid: string;
  at: number;
  /** "answered": a usable answer; else why the message was delivered as sent. */
  outcome: "answered" | "timeout" | "http-error" | "unreadable";
  pass?: number;
}

export interface BroadcastRecord {
  uid: string;
  sentTime: number;
  fromUserId: string;
  objectName: string;
  content: string;
  recalled: boolean;
  /** all users, online users, or all chatrooms. */
  kind: "all" | "online" | "chatrooms";
  /** Online users / chatrooms reached when sent ("all" is delivered by client polling). */
  recipients: string[];
}

/**
 * A push notification the server accepted (`/push.json`, `/push/user.json`): the users it
 * resolved the audience to (registered users, tag holders or the listed ids).
 */
export interface PushRecord {
  /** The answer's `id` (`/push.json`); null for `/push/user.json`, which answers none. */
  id: string | null;
  path: "/push.json" | "/push/user.json";
  at: number;
  title: string | null;
  /** `notification.alert` (`/push.json`) or `notification.pushContent` (`/push/user.json`). */
  alert: string;
  /** The request's `notification` as sent (platform overrides, extras). */
  notification: Record<string, unknown>;
  /** `/push.json` with a `message`: a system message to the audience as well. */
  message?: { fromUserId: string; objectName: string; content: string };
  recipients: string[];
}

/** One friend in a user's list (friendships made by the server are mutual: two entries). */
export interface FriendEntry {
  /** The owner's alias for the friend; "" when none. */
  remarkName: string;
  /** `friendExtProfile`: ext_ keys → values. */
  ext: Record<string, string>;
  /** When added, ms. */
  time: number;
}

export interface Session {
  sessionId: string;
  os: string;
  clientIp: string;
  at: number;
}

/** One user's server-side settings for one conversation (`/conversation/top/set.json`, notification). */
export interface ConversationSettings {
  top?: { top: boolean; topTime: number };
  /** -1 all, 0 not set, 1 @-mentions, 2 @-me only, 4 @all only, 5 none (§1.3). */
  unpushLevel?: number;
}

/** One of a user's conversation tags (`/user/conversation/tag/*`, `/tag/conversation/*`). */
export interface ConversationTag {
  tagName: string;
  createTime: number;
  /** `${conversationType}:${targetId}` → the conversation, in the order tagged (oldest first). */
  conversations: Map<string, { targetId: string; conversationType: number }>;
}

/** One hour's message log file, made once the hour has ended (§3.1). */
export interface HistoryLogFile {
  /** Random path part of the download URL. */
  id: string;
  /** When the hour ended, ms: the file is kept 3 days from then. */
  hourEnd: number;
  /** The zip file's bytes. */
  bytes: Buffer;
}

export interface AppState {
  config: ResolvedAppConfig;
  users: Map<string, User>;
  /** token → owner and issue time. */
  tokens: Map<string, { userId: string; issuedAt: number }>;
  /** userId → tokens issued before this time (ms) are invalid (`/user/token/expire.json`). */
  tokenCutoff: Map<string, number>;
  /** userId → blocked-until (ms). */
  blocked: Map<string, number>;
  blacklists: Map<string, Set<string>>;
  whitelists: Map<string, Set<string>>;
  /** owner → friend → entry (insertion order = add order). */
  friends: Map<string, Map<string, FriendEntry>>;
  deactivated: Map<string, Deactivation>;
  profiles: Map<string, Profile>;
  /** userId → push tags (`/user/tag/*`). */
  tags: Map<string, string[]>;
  /** Users muted in one-to-one chat (`/user/chat/fb/*`), in the order muted. */
  chatBans: Set<string>;
  groups: Map<string, Group>;
  /** groupId ("" = all groups) → userId → mute. Survives quit and dismiss. */
  groupMutes: Map<string, Map<string, Mute>>;
  /** Whole-group mutes; survive dismiss. */
  groupBans: Set<string>;
  banWhitelists: Map<string, Set<string>>;
  hostedGroups: Map<string, HostedGroup>;
  chatrooms: Map<string, Chatroom>;
  /**
   * Chatroom blocks and gags: chatroomId → userId → until (ms). Kept by room id, so they
   * can be set on a room that does not exist (#17 §U9); cleared when the room is destroyed (§U8).
   */
  chatroomBlocks: Map<string, Map<string, number>>;
  chatroomGags: Map<string, Map<string, number>>;
  /** Keep-alive chatrooms (`/chatroom/keepalive/*`), never destroyed for inactivity. */
  chatroomKeepAlive: Set<string>;
  messages: Map<string, StoredMessage>;
  broadcasts: Map<string, BroadcastRecord>;
  /** Push notifications accepted, oldest first (bounded by PUSH_CAP). */
  pushes: PushRecord[];
  /** `${fromUserId}\0${msgRandom}` → expiry (ms). */
  msgRandoms: Map<string, number>;
  sessions: Map<string, Map<string, Session>>;
  /** userId → `${conversationType}:${targetId}` → pin and do-not-disturb settings. */
  conversations: Map<string, Map<string, ConversationSettings>>;
  /** userId → uids cleared from that user's server-side history (`clean.json`). */
  clearedHistory: Map<string, Set<string>>;
  /** userId → tagId → the user's conversation tag (insertion order = creation order). */
  conversationTags: Map<string, Map<string, ConversationTag>>;
  /** `YYYYMMDDHH` → the hour's log file, once asked for after the hour ended. */
  historyLogs: Map<string, HistoryLogFile>;
  /** Hours whose log file was deleted (`/message/history/delete.json`): never made again. */
  deletedHistoryLogs: Set<string>;
  /** word → entry (`/sensitiveword/*`), insertion order = add order. */
  sensitiveWords: Map<string, SensitiveWordEntry>;
  /** Words removed but still applied until their removal takes effect: word → until (ms). */
  removedSensitiveWords: Map<string, SensitiveWordEntry & { until: number }>;
  /** Messages kept from their recipients by moderation (newest last). */
  moderated: ModeratedMessage[];
  /** Message callback requests (newest last). */
  preSendLog: PreSendRecord[];
}

export function createAppState(config: ResolvedAppConfig): AppState {
  return {
    config,
    users: new Map(),
    tokens: new Map(),
    tokenCutoff: new Map(),
    blocked: new Map(),
    blacklists: new Map(),
    whitelists: new Map(),
    friends: new Map(),
    deactivated: new Map(),
    profiles: new Map(),
    tags: new Map(),
    chatBans: new Set(),
    groups: new Map(),
    groupMutes: new Map(),
    groupBans: new Set(),
    banWhitelists: new Map(),
    hostedGroups: new Map(),
    chatrooms: new Map(),
    chatroomBlocks: new Map(),
    chatroomGags: new Map(),
    chatroomKeepAlive: new Set(),
    messages: new Map(),
    broadcasts: new Map(),
    pushes: [],
    msgRandoms: new Map(),
    sessions: new Map(),
    conversations: new Map(),
    clearedHistory: new Map(),
    conversationTags: new Map(),
    historyLogs: new Map(),
    deletedHistoryLogs: new Set(),
    sensitiveWords: new Map(),
    removedSensitiveWords: new Map(),
    moderated: [],
    preSendLog: [],
  };
}

/** Oldest messages are dropped beyond this, so a long-running emulator stays bounded. */
export const MESSAGE_CAP = 200_000;

export function storeMessage(app: AppState, msg: StoredMessage): void {
  app.messages.set(msg.uid, msg);
  if (app.messages.size > MESSAGE_CAP) {
    const oldest = app.messages.keys().next().value;
    if (oldest !== undefined) app.messages.delete(oldest);
  }
}

/** Oldest pushes are dropped beyond this. */
export const PUSH_CAP = 10_000;

export function recordPush(app: AppState, push: PushRecord): void {
  app.pushes.push(push);
  if (app.pushes.length > PUSH_CAP) app.pushes.shift();
}

export function isOnline(app: AppState, userId: string): boolean {
  return (app.sessions.get(userId)?.size ?? 0) > 0;
}

/** JSON-able dump for GET /__emulator/state. */
export function dumpState(app: AppState, now: number): Record<string, unknown> {
  const mapOf = <V, R>(m: Map<string, V>, f: (v: V) => R) =>
    Object.fromEntries([...m].map(([k, v]) => [k, f(v)]));
  return {
    appKey: app.config.appKey,
    now,
    features: app.config.features,
    devEnvironment: app.config.devEnvironment,
    users: [...app.users.values()],
    tokens: [...app.tokens.values()],
    tokenCutoff: Object.fromEntries(app.tokenCutoff),
    blocked: Object.fromEntries(app.blocked),
    blacklists: mapOf(app.blacklists, (s) => [...s]),
    whitelists: mapOf(app.whitelists, (s) => [...s]),
    friends: mapOf(app.friends, (m) => Object.fromEntries(m)),
    deactivated: Object.fromEntries(app.deactivated),
    profiles: Object.fromEntries(app.profiles),
    tags: Object.fromEntries(app.tags),
    chatBans: [...app.chatBans],
    groups: mapOf(app.groups, (g) => ({ ...g, members: Object.fromEntries(g.members) })),
    groupMutes: mapOf(app.groupMutes, (m) => Object.fromEntries(m)),
    groupBans: [...app.groupBans],
    banWhitelists: mapOf(app.banWhitelists, (s) => [...s]),
    hostedGroups: mapOf(app.hostedGroups, (g) => ({
      ...g,
      members: Object.fromEntries(g.members),
    })),
    chatrooms: mapOf(app.chatrooms, (c) => ({
      ...c,
      members: Object.fromEntries(c.members),
      entries: Object.fromEntries(c.entries),
      userWhitelist: [...c.userWhitelist],
    })),
    chatroomBlocks: mapOf(app.chatroomBlocks, (m) => Object.fromEntries(m)),
    chatroomGags: mapOf(app.chatroomGags, (m) => Object.fromEntries(m)),
    chatroomKeepAlive: [...app.chatroomKeepAlive],
    messages: [...app.messages.values()],
    broadcasts: [...app.broadcasts.values()],
    pushes: app.pushes,
    online: mapOf(app.sessions, (s) => [...s.values()]),
    conversations: mapOf(app.conversations, (m) => Object.fromEntries(m)),
    clearedHistory: mapOf(app.clearedHistory, (s) => [...s]),
    conversationTags: mapOf(app.conversationTags, (tags) =>
      mapOf(tags, (t) => ({ ...t, conversations: [...t.conversations.values()] })),
    ),
    historyLogs: mapOf(app.historyLogs, (f) => ({
      id: f.id,
      hourEnd: f.hourEnd,
      bytes: f.bytes.length,
    })),
    deletedHistoryLogs: [...app.deletedHistoryLogs],
    sensitiveWords: [...app.sensitiveWords.values()],
    moderated: app.moderated,
    preSendLog: app.preSendLog,
  };
}
