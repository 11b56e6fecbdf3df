/** Configuration of the RongCloud emulator and of each emulated app. */
import type { FaultSpec, RetryPolicy, SharedEmulatorOptions } from "../framework/index.js";

/** Services that RongCloud sells separately; off = HTTP 430, code 1009. */
export interface RongCloudFeatures {
  /** `/message/broadcast.json`, `/message/broadcast/recall.json`. Default false. */
  broadcast: boolean;
  /** `/message/chatroom/broadcast.json`. Default false. */
  chatroomBroadcast: boolean;
  /** Chatroom custom attributes (`/chatroom/entry/*`, create_new's `entryInfo`). Default false. */
  chatroomKv: boolean;
  /** `/chatroom/keepalive/*`. Default false. */
  chatroomKeepAlive: boolean;
  /** `/user/profile/*` (user profile hosting). Default false. */
  profileHosting: boolean;
  /**
   * `/friend/*` (the friend part of the information-hosting product). Default true: whether
   * it must be enabled is unverified (some pages say "enabled by default"), so tolerant.
   */
  friendHosting: boolean;
  /** `/entrust/group/*` (hosted groups with owners). Default false. */
  groupHosting: boolean;
  /** `/user/whitelist/*` (allow-list). Default false. */
  allowList: boolean;
  /** Cloud message storage: `/v3/message/.../query.json`. Default true. */
  cloudStorage: boolean;
  /** `msgRandom` deduplication within 60 s on publish endpoints. Default false. */
  msgRandom: boolean;
  /** Hourly message log download: `/message/history.json`, `/message/history/delete.json`. Default false. */
  historyLog: boolean;
}

export interface RongCloudAppConfig {
  appKey: string;
  appSecret: string;
  /** Where callbacks go; no URL = no callbacks. */
  callbackUrl?: string;
  /** Per-kind URL overrides (else callbackUrl). */
  callbackUrls?: CallbackUrls;
  features?: Partial<RongCloudFeatures>;
  /** Development environment: at most `devUserLimit` registered users (2007 beyond). */
  devEnvironment?: boolean;
  /** Default 100 (RongCloud's dev-environment cap). */
  devUserLimit?: number;
  /**
   * Route messages sent through the Server API to the message-routing callback. The real
   * server does NOT by default (console switch); the emulator does, so tests can see them.
   */
  routeServerMessages?: boolean;
  /** Beijing time (China DC, default) or UTC (global DCs) for "YYYY-MM-DD HH:MM:SS" fields. */
  dataCenter?: "china" | "global";
  /** Default 3000 members per classic group. */
  groupMemberLimit?: number;
  /** Friends per user (25467 / 25468 beyond); the real cap is unpublished. Default 3000. */
  friendLimit?: number;
  /**
   * `userExtProfile` keys created in the console (rongcloud.md §4: an unregistered key is an
   * error). Default: every well-formed `ext_` key is accepted.
   */
  userExtKeys?: string[];
  /** Most `userExtProfile` pairs per user (app configurable at RongCloud). Default 20. */
  userExtMax?: number;
  /**
   * `/user/profile/set.json` merges the given keys into the stored `userProfile` /
   * `userExtProfile` instead of replacing the part given. Merge vs replace is unverified
   * (§4, §9.5); default false: a given part replaces the stored one.
   */
  profileSetMerges?: boolean;
  /**
   * Hosted groups answer rule violations with the information-hosting codes of RongCloud's
   * client header (25404 not allowed, 25409 id exists, 25415 unknown ext key, 25419 too many
   * admins, 25420 not an admin, 25422 too many groups, 25425 owner as admin, 25429 classic
   * group not imported). Whether the server API does is unverified (#17 §U1); default false:
   * 1002. A missing hosted group (25410) and a missing member (25418) are answered either way.
   */
  hostedGroupCodes?: boolean;
  /**
   * `groupExtProfile` keys created in the console (#17 §1.2: keys must be registered).
   * Default: every well-formed `ext_` key is accepted.
   */
  groupExtKeys?: string[];
  /** Most `groupExtProfile` pairs per group (default 10, app configurable at RongCloud). */
  groupExtMax?: number;
  /** Keep-alive chatrooms an app may have (default 5; 1016 beyond, #17 §2.9). */
  chatroomKeepAliveMax?: number;
  /**
   * The console switch "Server API message filtering for sensitive words" (#18 §1): sensitive
   * words and the message callback service apply to Server API sends too. RongCloud's
   * default is off (client sends only); default false.
   */
  moderateServerMessages?: boolean;
  /** Sensitive words an app may keep (#18 §2: 50 by default, more can be bought). */
  sensitiveWordMax?: number;
  /** How long a sensitive-word change takes to apply, seconds (#18 §2: 15 minutes). */
  sensitiveWordActivationSeconds?: number;
}

/** Where each kind of callback goes (else `callbackUrl`). */
export interface CallbackUrls {
  routing?: string;
  onlineStatus?: string;
  deactivation?: string;
  /** Friend relation changes (rongcloud.md §1.9). */
  friend?: string;
  /** Hosted user profile changes (§4). */
  profile?: string;
  /** Hosted group profile and operation changes (#17 §3). */
  group?: string;
  /** Chatroom status: created, destroyed, joined, left (#17 §3). */
  chatroom?: string;
  /** Chatroom attribute (KV) sync: one JSON object per changed key (sync-kv page). */
  chatroomKv?: string;
  /**
   * The message callback service (消息回调服务, #18 §1): asked before delivery. Never falls
   * back to callbackUrl: the service is enabled (and its rules made) in the console.
   */
  preSend?: string;
}

/** Shared options (port, host, faults, rate limits, WAN-like `tls` and `latencyMs`) plus these. */
export interface RongCloudEmulatorOptions extends SharedEmulatorOptions {
  port?: number;
  host?: string;
  apps: RongCloudAppConfig[];
  faults?: FaultSpec[];
  /** false = rate limits off. Default true. */
  rateLimits?: boolean;
  /** Reject signatures whose Timestamp is further than this from now. Default: no check. */
  timestampWindowSeconds?: number;
  /** Callback retry policy. Default: 5 s timeout, 2 retries (documented), 1 s back-off (unverified). */
  callbackRetry?: Partial<RetryPolicy>;
  /**
   * How long the message callback service waits for the app server's answer before it
   * delivers the message anyway (#18 §1: one request, 3 s). Default 3000.
   */
  preSendTimeoutMs?: number;
  /** Delay before asynchronous results (deactivation callbacks), ms. Default 0. */
  asyncDelayMs?: number;
  maxBodyBytes?: number;
}

export const DEFAULT_FEATURES: RongCloudFeatures = {
  broadcast: false,
  chatroomBroadcast: false,
  chatroomKv: false,
  chatroomKeepAlive: false,
  profileHosting: false,
  friendHosting: true,
  groupHosting: false,
  allowList: false,
  cloudStorage: true,
  msgRandom: false,
  historyLog: false,
};

export interface ResolvedAppConfig {
  appKey: string;
  appSecret: string;
  callbackUrls: CallbackUrls;
  features: RongCloudFeatures;
  devEnvironment: boolean;
  devUserLimit: number;
  routeServerMessages: boolean;
  /** Offset of local time used in formatted dates, ms. */
  tzOffsetMs: number;
  groupMemberLimit: number;
  friendLimit: number;
  /** null = any well-formed key. */
  userExtKeys: ReadonlySet<string> | null;
  userExtMax: number;
  profileSetMerges: boolean;
  hostedGroupCodes: boolean;
  /** null = any well-formed key. */
  groupExtKeys: ReadonlySet<string> | null;
  groupExtMax: number;
  chatroomKeepAliveMax: number;
  moderateServerMessages: boolean;
  sensitiveWordMax: number;
  sensitiveWordActivationMs: number;
}

export function resolveApp(app: RongCloudAppConfig): ResolvedAppConfig {
  if (!app.appKey || !app.appSecret) throw new TypeError("every app needs appKey and appSecret");
  const base = app.callbackUrl;
  const urls = app.callbackUrls ?? {};
  const pick = (u: string | undefined) => {
    const url = u ?? base;
    if (url !== undefined && !URL.canParse(url))
      throw new TypeError(`invalid callback URL: ${url}`);
    return url;
  };
  const callbackUrls: ResolvedAppConfig["callbackUrls"] = {};
  const routing = pick(urls.routing);
  const onlineStatus = pick(urls.onlineStatus);
  const deactivation = pick(urls.deactivation);
  if (routing) callbackUrls.routing = routing;
  if (onlineStatus) callbackUrls.onlineStatus = onlineStatus;
  if (deactivation) callbackUrls.deactivation = deactivation;
  const friend = pick(urls.friend);
  const profile = pick(urls.profile);
  if (friend) callbackUrls.friend = friend;
  if (profile) callbackUrls.profile = profile;
  const group = pick(urls.group);
  if (group) callbackUrls.group = group;
  const chatroom = pick(urls.chatroom);
  if (chatroom) callbackUrls.chatroom = chatroom;
  const chatroomKv = pick(urls.chatroomKv);
  if (chatroomKv) callbackUrls.chatroomKv = chatroomKv;
  // The message callback service's URL is its own (no fallback to callbackUrl).
  const preSend = urls.preSend;
  if (preSend !== undefined && !URL.canParse(preSend))
    throw new TypeError(`invalid callback URL: ${preSend}`);
  if (preSend) callbackUrls.preSend = preSend;
  return {
    appKey: app.appKey,
    appSecret: app.appSecret,
    callbackUrls,
    features: { ...DEFAULT_FEATURES, ...app.features },
    devEnvironment: app.devEnvironment ?? false,
    devUserLimit: app.devUserLimit ?? 100,
    routeServerMessages: app.routeServerMessages ?? true,
    tzOffsetMs: (app.dataCenter ?? "china") === "china" ? 8 * 3_600_000 : 0,
    groupMemberLimit: app.groupMemberLimit ?? 3000,
    friendLimit: app.friendLimit ?? 3000,
    userExtKeys: app.userExtKeys ? new Set(app.userExtKeys) : null,
    userExtMax: app.userExtMax ?? 20,
    profileSetMerges: app.profileSetMerges ?? false,
    hostedGroupCodes: app.hostedGroupCodes ?? false,
    groupExtKeys: app.groupExtKeys ? new Set(app.groupExtKeys) : null,
    groupExtMax: app.groupExtMax ?? 10,
    chatroomKeepAliveMax: app.chatroomKeepAliveMax ?? 5,
    moderateServerMessages: app.moderateServerMessages ?? false,
    sensitiveWordMax: app.sensitiveWordMax ?? 50,
    sensitiveWordActivationMs: (app.sensitiveWordActivationSeconds ?? 900) * 1000,
  };
}
