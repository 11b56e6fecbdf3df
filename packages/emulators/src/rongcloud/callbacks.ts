/**
 * RongCloud → app server callbacks (rongcloud.md §3): signed with query parameters
 * appKey, nonce, signTimestamp (ms), signature.
 */
import { signRongCloudCallback } from "@imgraph/signing";
import type { CallbackDispatcher, Clock } from "../framework/index.js";
import type { AppState, ConversationType, StoredMessage } from "./state.js";

/** Legacy routing `channelType` strings (§3.4; exact set unverified). */
const CHANNEL_TYPE: Record<ConversationType, string> = {
  1: "PERSON",
  3: "GROUP",
  4: "TEMPGROUP",
  6: "NOTIFY",
};

export interface OnlineStatusEvent {
  userid: string;
  /** "0" online, "1" offline (disconnected), "2" logged out. */
  status: "0" | "1" | "2";
  os: string;
  time: number;
  clientIp: string;
  sessionId: string;
}

/** Friend relation change (§1.9): 1 request sent, 2 accepted, 3 rejected, 4 removed, 5 server-added. */
export interface FriendEvent {
  eventType: 1 | 2 | 3 | 4 | 5;
  /** The operator. */
  userId: string;
  toUserId: string;
  time: number;
}

/** Hosted user profile change (§4): type 0 cleared, 1 modified. */
export interface ProfileEvent {
  userId: string;
  type: 0 | 1;
  time: number;
  userProfile?: Record<string, unknown>;
  userExtProfile?: Record<string, unknown>;
}

/**
 * Hosted group profile change (#17 §3, "Sync Group Profile Updates"): the parts the change
 * carried, as objects like the doc's example (whether unchanged parts come too is unverified).
 */
export interface GroupProfileEvent {
  groupId: string;
  /** Present when the name changed. */
  groupName?: string;
  time: number;
  optUserId: string;
  groupProfile?: Record<string, unknown>;
  groupExtProfile?: Record<string, unknown>;
  permissions?: Record<string, unknown>;
}

/**
 * Hosted group operation (#17 §3, "Synchronize Group Operation Status"): 1 create, 2 join,
 * 3 removed, 4 quit, 5 dismissed, 6 admin added, 7 admin removed, 8 owner transferred.
 */
export interface GroupOperationEvent {
  groupId: string;
  eventType: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  time: number;
  optUserId: string;
  userIds: string[];
}

/**
 * Chatroom status (#17 §3): `type` 0 create, 1 join, 2 quit, 3 destroy; `status` 0 the
 * API/SDK call of `type`, 1 auto-exit of an offline user, 2 blocked, 3 auto-destroyed.
 */
export interface ChatroomKvEvent {
  chatroomId: string;
  key: string;
  value: string;
  optType: 1 | 2 | 3;
  userId: string;
  timestamp: number;
  version: number;
}

export interface ChatroomStatusEvent {
  chatRoomId: string;
  userIds: string[];
  status: 0 | 1 | 2 | 3;
  type: 0 | 1 | 2 | 3;
  time: number;
}

export class RongCloudCallbacks {
  constructor(
    private readonly dispatcher: CallbackDispatcher,
    private readonly clock: Clock,
  ) {}

  private sendForm(app: AppState, kind: string, url: string | undefined, form: URLSearchParams) {
    this.send(app, kind, url, "application/x-www-form-urlencoded", form.toString());
  }

  private sendJson(app: AppState, kind: string, url: string | undefined, body: unknown) {
    this.send(app, kind, url, "application/json", JSON.stringify(body));
  }

  private send(
    app: AppState,
    kind: string,
    url: string | undefined,
    contentType: string,
    body: string,
  ) {
    if (!url) return;
    const { appKey, appSecret } = app.config;
    this.dispatcher.dispatch({
      kind,
      app: appKey,
      url,
      query: { ...signRongCloudCallback({ appKey, appSecret, now: this.clock.now() }) },
      contentType,
      body,
    });
  }

  /** Full message routing (§3.4), form-encoded, one POST per message. */
  routeMessage(app: AppState, msg: StoredMessage, source = "Server"): void {
    if (source === "Server" && !app.config.routeServerMessages) return;
    const form = new URLSearchParams({
      fromUserId: msg.fromUserId,
      toUserId: msg.targetId,
      objectName: msg.objectName,
      content: msg.content,
      channelType: CHANNEL_TYPE[msg.conversationType],
      msgTimestamp: String(msg.sentTime),
      msgUID: msg.uid,
      sensitiveType: String(msg.sensitiveType ?? 0),
      source,
    });
    if (msg.busChannel) form.set("busChannel", msg.busChannel);
    // Repeated keys, like every multi-value form field (unverified for this callback).
    for (const u of msg.toUserIds ?? []) form.append("groupUserIds", u);
    this.sendForm(app, "message-routing", app.config.callbackUrls.routing, form);
  }

  /** Online status (§3.3): a JSON array of events (array vs object unverified; we send an array). */
  onlineStatus(app: AppState, events: OnlineStatusEvent[]): void {
    if (events.length === 0) return;
    this.sendJson(app, "online-status", app.config.callbackUrls.onlineStatus, events);
  }

  /** Deactivation / reactivation result (§3.5), form-encoded, one per user id. */
  deactivation(
    app: AppState,
    e: { userId: string; operateId: string; type: 0 | 1; code: string; time: number },
  ): void {
    const form = new URLSearchParams({
      userId: e.userId,
      operateId: e.operateId,
      type: String(e.type),
      code: e.code,
      time: String(e.time),
    });
    this.sendForm(app, "user-deactivation", app.config.callbackUrls.deactivation, form);
  }

  /** Friend relation change (§1.9): one JSON object per event; server changes say "Server". */
  friendChange(app: AppState, e: FriendEvent): void {
    this.sendJson(app, "friend-change", app.config.callbackUrls.friend, { ...e, source: "Server" });
  }

  /** Hosted profile change (§4): JSON, profiles as objects like the doc's example. */
  profileChange(app: AppState, e: ProfileEvent): void {
    this.sendJson(app, "profile-change", app.config.callbackUrls.profile, e);
  }

  /** Hosted group profile change: `{profiles: [...]}` as the doc's table says (U13). */
  groupProfile(app: AppState, e: GroupProfileEvent): void {
    this.sendJson(app, "group-profile", app.config.callbackUrls.group, { profiles: [e] });
  }

  /** Hosted group operation: `{profiles: [...]}` as the doc's table says (its example is an array). */
  groupOperation(app: AppState, e: GroupOperationEvent): void {
    this.sendJson(app, "group-operation", app.config.callbackUrls.group, { profiles: [e] });
  }

  /**
   * Chatroom attribute (KV) sync (docs.rongcloud.io platform-chat-api/chatroom/kv-attribute/
   * sync-kv): one JSON object per change, `chatroomId` with a lowercase r; `optType` 1 set,
   * 2 delete, 3 delete all; `userId` the operator; `status` unused (0).
   */
  chatroomKv(app: AppState, e: ChatroomKvEvent): void {
    this.sendJson(app, "chatroom-kv", app.config.callbackUrls.chatroomKv, { ...e, status: 0 });
  }

  /** Chatroom status: a JSON array of events, as the doc's example. */
  chatroomStatus(app: AppState, events: ChatroomStatusEvent[]): void {
    if (events.length === 0) return;
    this.sendJson(app, "chatroom-status", app.config.callbackUrls.chatroom, events);
  }
}
