/** Everything one emulated ZEGO app remembers: ZIM users, groups, messages, rooms, RTC rooms. */
import { getOrCreate } from "../framework/index.js";
import type { ResolvedApp } from "./options.js";

/** One ZIM connection of a user (a user_action `session_id`); several with multi-device login. */
export interface Session {
  sessionId: string;
  os: string;
  /** Which device it is on (clients/login `device`, default the os): one session per device. */
  device: string;
  /** ms. */
  loginTime: number;
  /** Logged in again on a device whose connection was lost (user_action `relogin` "1"). */
  relogin: boolean;
}

export interface User {
  userId: string;
  userName: string;
  avatar: string;
  extra: string;
  registeredAt: number;
  /**
   * "online" while any session is; else how the last one ended ("logout", or "offline" for a
   * lost connection); "never": registered, never logged in.
   */
  presence: "never" | "online" | "offline" | "logout";
  /** Online sessions by session id, in login order (the oldest is kicked first). */
  sessions: Map<string, Session>;
  /** Devices whose last session was lost rather than logged out: their next login is a re-login. */
  droppedDevices: Set<string>;
  /** Users this user blocked → when (ms). */
  blocklist: Map<string, number>;
  /** This user's friend list: friend → entry (one-way after a one-way delete). */
  friends: Map<string, FriendEntry>;
}

/** What a user keeps about one friend (zego.md #15 §1, §6). */
export interface FriendEntry {
  alias: string;
  wording: string;
  /** Key k0..k4 → value. */
  attributes: Map<string, string>;
  /** Befriending time, ms. */
  time: number;
}

/** Role 1 owner, 2 admin, 3 member, others custom (§2.4). */
export interface Member {
  userId: string;
  role: number;
  nickname: string;
  joinTime: number;
  /** 0 not muted, -1 forever, else epoch ms. */
  muteUntil: number;
}

export interface GroupMute {
  all: boolean;
  roles: number[];
  /** -1 forever, else epoch ms. */
  until: number;
}

export interface Group {
  groupId: string;
  name: string;
  notice: string;
  avatar: string;
  owner: string;
  /** Insertion order = join order (the first member inherits ownership on kick). */
  members: Map<string, Member>;
  createdAt: number;
  dataSeq: number;
  attributes: Map<string, string>;
  limit: { MemberCountLimit: number; JoinMode: number; InviteMode: number; BeInvitedMode: number };
  mute?: GroupMute;
  /** IsInvite = 1 invitations waiting for the invitee's consent (a client SDK action). */
  pendingInvites: Set<string>;
}

export type ConvType = 0 | 1 | 2; // peer, room, group (send_msg conv_type)

export interface StoredMessage {
  msgId: number;
  seq: number;
  convType: ConvType;
  /** Peer: the two user ids sorted; group / room: its id. */
  convKey: string;
  sender: string;
  /** Peer only. */
  receiver?: string;
  msgType: number;
  subMsgType: number;
  body: string;
  extendedData: string;
  time: number;
  revoked: boolean;
  payload: string;
  /** Edits so far (EditMsgSeq); absent before the first. */
  edits?: number;
  /** Sent with MessageBody.HasReceipt 1: read receipts are kept for it (#16 §6.9). */
  hasReceipt?: boolean;
  /** Users a read receipt was set for (C2cReadReceipt / GroupReadReceipt), in order. */
  readBy?: string[];
  /** ImportPeerMsg: the one user whose view holds it (ImportedUserId, #16 §3). */
  importedFor?: string;
}

export interface Conversation {
  lastSeq: number;
  messages: StoredMessage[];
  /** StateMsgSeq: bumped by every edit or recall (unverified, #16 §6.5). */
  stateSeq?: number;
}

/** One user's entry for a peer (0) or group (2) conversation (#16 §1). */
export interface UserConversation {
  convType: 0 | 2;
  /** The peer's user id or the GroupId. */
  convId: string;
  /** Last message time, ms (QueryConversationList UpdateTime). */
  updateTime: number;
  unread: number;
  pinned: boolean;
  silenced: boolean;
  /** false after DeleteConv (or for settings on a conversation without messages yet). */
  listed: boolean;
  /** ClearPeerMessage / ClearMemberGroupMessage: this user no longer sees MsgSeq ≤ this. */
  clearedSeq: number;
  /** SetConvMark: this user's marks on the conversation (1..30), ascending (#16 §1.6). */
  marks: number[];
}

/** One room attribute (#17 §L8): `seq` = the room's AttributeSeq when it was last set. */
export interface RoomAttribute {
  value: string;
  autoDelete: boolean;
  /** Who set it: an AutoDelete attribute goes when this user leaves the room. */
  owner: string;
  seq: number;
}

/** A message delivered into a ZIM room (kept so tests can see what reached it, with its priority). */
export interface RoomDelivery {
  from: string;
  msgType: number;
  body: string;
  /** SendRoomMessage Priority: 1 low, 2 medium, 3 high. */
  priority: number;
  senderUnaware: boolean;
  time: number;
}

export interface ZimRoom {
  roomId: string;
  name: string;
  createdAt: number;
  /** Created by CreateRoom rather than by a client joining. */
  explicit: boolean;
  attributes: Map<string, RoomAttribute>;
  /** Seconds an empty room lives on (CreateRoom DestroyDelayTime). */
  destroyDelay: number;
  attributeSeq: number;
  /** userId → join time, in join order. */
  members: Map<string, number>;
  /** When its last member left, while it waits out its destroy delay (#17 §L2). */
  emptySince?: number;
  /** Messages delivered into the room, oldest first. */
  messages: RoomDelivery[];
}

export interface RtcUser {
  userId: string;
  userName: string;
  /** 1 host, 2 audience, 4 admin (§4). */
  role: number;
  loginTime: number;
}

export interface RtcStream {
  streamId: string;
  userId: string;
  userName: string;
  title: string;
  extraInfo: string;
  createTime: number;
  streamNumberId: number;
}

export interface RtcRoom {
  roomId: string;
  createdAt: number;
  users: Map<string, RtcUser>;
  streams: Map<string, RtcStream>;
}

/** Server-sent RTC room messages and ZIM broadcasts, kept so tests can see what was delivered. */
export interface DeliveredSignal {
  kind: "custom-command" | "broadcast" | "barrage" | "zim-broadcast";
  roomId?: string;
  from: string;
  to: string[];
  content: string;
  messageId: string;
  time: number;
}

/**
 * An offline push ZIM accepted (SendMessageToAllUsers with PushType 1 or 2 and
 * OfflinePush.Enable 1), with the users the emulator resolved it to: every account of the
 * app (the emulator keeps no ZPNs push ids, so none is left out for lacking one).
 */
export interface PushRecord {
  /** ZIM names no task or message for it (the answer is Code, Message, RequestId only). */
  taskId: null;
  from: string;
  pushType: number;
  title: string | null;
  content: string | null;
  payload: string | null;
  recipients: string[];
  time: number;
}

export class AppState {
  users = new Map<string, User>();
  groups = new Map<string, Group>();
  peerConvs = new Map<string, Conversation>();
  groupConvs = new Map<string, Conversation>();
  roomConvs = new Map<string, Conversation>();
  zimRooms = new Map<string, ZimRoom>();
  rtcRooms = new Map<string, RtcRoom>();
  signals: DeliveredSignal[] = [];
  pushes: PushRecord[] = [];
  /** userId → `${convType}:${convId}` → that user's conversation entry. */
  userConversations = new Map<string, Map<string, UserConversation>>();
  /** Last use per throttled scope (limits the framework's windows cannot express). */
  throttles = new Map<string, number>();
  private msgCounter = 0;
  private streamCounter = 0;
  private sessionCounter = 0;
  private readonly msgIdBase: number;

  constructor(
    readonly config: ResolvedApp,
    now: number,
  ) {
    // Numeric, unique, increasing and within Number.MAX_SAFE_INTEGER.
    this.msgIdBase = Math.floor(now / 1000) * 100_000;
  }

  get key(): string {
    return String(this.config.appId);
  }

  nextMsgId(): number {
    return this.msgIdBase + ++this.msgCounter;
  }

  nextStreamNumber(): number {
    return ++this.streamCounter;
  }

  nextSessionId(): string {
    return `${this.config.appId}-${++this.sessionCounter}`;
  }

  /** Registered = registered by UserRegister or logged in once (§2.1). */
  registered(userId: string): User | undefined {
    return this.users.get(userId);
  }

  register(userId: string, now: number, userName = "", avatar = ""): User {
    const user: User = {
      userId,
      userName,
      avatar,
      extra: "",
      registeredAt: now,
      presence: "never",
      sessions: new Map(),
      droppedDevices: new Set(),
      blocklist: new Map(),
      friends: new Map(),
    };
    this.users.set(userId, user);
    return user;
  }

  conversation(map: Map<string, Conversation>, key: string): Conversation {
    return getOrCreate(map, key, () => ({ lastSeq: 0, messages: [] }));
  }

  /** The stored conversation behind one user's entry. */
  historyOf(userId: string, c: UserConversation): Conversation | undefined {
    return c.convType === 0
      ? this.peerConvs.get(peerKey(userId, c.convId))
      : this.groupConvs.get(c.convId);
  }

  /** The messages of an entry the user still sees: in their view, not cleared, not recalled. */
  visibleMessages(userId: string, c: UserConversation): StoredMessage[] {
    const messages = this.historyOf(userId, c)?.messages ?? [];
    return messages.filter((m) => inView(m, userId) && m.seq > c.clearedSeq && !m.revoked);
  }

  dump(): Record<string, unknown> {
    return {
      appId: this.config.appId,
      users: [...this.users.values()].map((u) => ({
        ...u,
        sessions: [...u.sessions.values()],
        droppedDevices: [...u.droppedDevices],
        blocklist: [...u.blocklist.keys()],
        friends: [...u.friends.keys()],
      })),
      groups: [...this.groups.values()].map((g) => ({
        ...g,
        members: [...g.members.values()],
        attributes: Object.fromEntries(g.attributes),
        pendingInvites: [...g.pendingInvites],
      })),
      peerConversations: [...this.peerConvs].map(([key, c]) => ({
        users: key.split("\u0000"),
        ...c,
      })),
      groupConversations: [...this.groupConvs].map(([groupId, c]) => ({ groupId, ...c })),
      roomConversations: [...this.roomConvs].map(([roomId, c]) => ({ roomId, ...c })),
      zimRooms: [...this.zimRooms.values()].map((r) => ({
        ...r,
        attributes: Object.fromEntries(r.attributes),
        members: [...r.members.keys()],
      })),
      rtcRooms: [...this.rtcRooms.values()].map((r) => ({
        ...r,
        users: [...r.users.values()],
        streams: [...r.streams.values()],
      })),
      signals: this.signals,
      pushes: this.pushes,
      userConversations: [...this.userConversations].flatMap(([userId, convs]) =>
        [...convs.values()].map((c) => ({
          userId,
          ...c,
          messageCount: this.visibleMessages(userId, c).length,
        })),
      ),
    };
  }
}

/** Whether a message is in a user's view: a peer import is in ImportedUserId's view only. */
export const inView = (m: StoredMessage, userId: string | undefined): boolean =>
  m.importedFor === undefined || m.importedFor === userId;

export const peerKey = (a: string, b: string): string =>
  a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
