/** Configuration of the Tencent Cloud Chat emulator and of each emulated app. */
import type { Clock, FaultSpec, RetryPolicy, SharedEmulatorOptions } from "../framework/index.js";

/** Tencent editions; they change caps and retention (tencent.md §2.6, §3.1, §3.6). */
export type TencentEdition = "trial" | "standard" | "pro" | "ultimate";

export interface TencentAppConfig {
  sdkAppId: number;
  /** The app's SecretKey (UTF-8 bytes, not hex-decoded). */
  key: string;
  /** App admin identifiers allowed to call REST. Default ["administrator"]. */
  admins?: string[];
  /** Where after-event callbacks go; none = no callbacks. */
  callbackUrl?: string;
  /** Console "callback auth token": adds RequestTime + Sign to callback URLs. */
  callbackToken?: string;
  /** Default "ultimate" (every feature on; trial caps only when asked for). */
  edition?: TencentEdition;
  /** Configured `Tag_Profile_Custom_*` tags; absent = accept any custom tag. */
  customProfileTags?: string[];
  /** Custom friend fields declared in the console (`Tag_SNS_Custom_*`); absent = any. */
  customFriendTags?: string[];
  /** Texts containing one of these are refused with 80001. Default none. */
  sensitiveWords?: string[];
  /**
   * The console switches "before a one-to-one message is sent" and "before a group message
   * is sent" (both at once): sends then wait for the callback URL's answer. Default off.
   */
  beforeSendCallbacks?: boolean;
  /**
   * Live group (AVChatRoom) console switches, each also needing the Pro+/Ultimate edition
   * (#17 §3.2-§3.5); default on for "pro" and "ultimate", off otherwise.
   */
  liveRoomSwitches?: Partial<LiveRoomSwitches>;
  /**
   * All-member / tag / single push is on for the app (the Push service, or the console switch
   * "Push to all users"). Off, timpush/push, timpush/batch and the statistics answer 90045.
   * Default on.
   */
  push?: boolean;
}

/** The console switches of live groups: one flag per feature ("edition and switch on"). */
export interface LiveRoomSwitches {
  /** "List of online audio-video group members": get_members beyond 30, check_members. */
  onlineMemberList: boolean;
  /** "Audio-video group member banning": ban/unban_group_member, get_group_ban_member. */
  memberBanning: boolean;
  /** "Broadcast messaging of audio-video group": send_broadcast_msg. */
  broadcast: boolean;
}

/** Shared options (port, host, faults, rate limits, WAN-like `tls` and `latencyMs`) plus these. */
export interface TencentEmulatorOptions extends SharedEmulatorOptions {
  port?: number;
  host?: string;
  apps: TencentAppConfig[];
  faults?: FaultSpec[];
  /** false = rate limits off. Default true. */
  rateLimits?: boolean;
  /** How long a before-send callback is awaited; default 2 s (Tencent's). Tests shorten it. */
  beforeSendTimeoutMs?: number;
  /** Callback retry policy (unverified upstream); default 2 s timeout, 1 retry. */
  callbackRetry?: Partial<RetryPolicy>;
  maxBodyBytes?: number;
  /** Inject a clock (tests freeze time with it). Default: real time plus a settable offset. */
  clock?: Clock;
}

export interface ResolvedApp {
  sdkAppId: number;
  key: string;
  admins: string[];
  callbackUrl?: string;
  callbackToken?: string;
  edition: TencentEdition;
  customProfileTags?: Set<string>;
  customFriendTags?: Set<string>;
  sensitiveWords: string[];
  beforeSendCallbacks: boolean;
  /** Message history retention: 7 days (trial/standard/pro), 30 days (ultimate). */
  retentionSeconds: number;
  liveRooms: LiveRoomSwitches;
  push: boolean;
}

export function resolveApp(app: TencentAppConfig): ResolvedApp {
  if (!Number.isInteger(app.sdkAppId) || app.sdkAppId <= 0) {
    throw new TypeError("every app needs an integer sdkAppId");
  }
  if (!app.key) throw new TypeError(`app ${app.sdkAppId} needs a key`);
  const edition = app.edition ?? "ultimate";
  const resolved: ResolvedApp = {
    sdkAppId: app.sdkAppId,
    key: app.key,
    admins: app.admins && app.admins.length > 0 ? [...app.admins] : ["administrator"],
    edition,
    sensitiveWords: app.sensitiveWords ?? [],
    beforeSendCallbacks: app.beforeSendCallbacks === true,
    retentionSeconds: (edition === "ultimate" ? 30 : 7) * 86_400,
    liveRooms: liveRoomSwitches(edition, app.liveRoomSwitches),
    push: app.push !== false,
  };
  if (app.callbackUrl) resolved.callbackUrl = app.callbackUrl;
  if (app.callbackToken) resolved.callbackToken = app.callbackToken;
  if (app.customProfileTags) resolved.customProfileTags = new Set(app.customProfileTags);
  if (app.customFriendTags) resolved.customFriendTags = new Set(app.customFriendTags);
  return resolved;
}

function liveRoomSwitches(
  edition: TencentEdition,
  set: Partial<LiveRoomSwitches> = {},
): LiveRoomSwitches {
  const paid = edition === "pro" || edition === "ultimate";
  return {
    onlineMemberList: set.onlineMemberList ?? paid,
    memberBanning: set.memberBanning ?? paid,
    broadcast: set.broadcast ?? paid,
  };
}
