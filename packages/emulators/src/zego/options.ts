/** Configuration of the ZEGO emulator and of each emulated app. */
import type { FaultSpec, RetryPolicy, SharedEmulatorOptions } from "../framework/index.js";
import type { Product } from "./envelope.js";

/** ZIM plans gate a few features (zego.md §2.3): broadcast needs Professional+, room recall Flagship. */
export type ZegoPlan = "free" | "professional" | "flagship";

/**
 * ZIM's multi-device login policy (a console / support setting; docs/vendors/zego.md
 * "Multi-device login and user_action sessions"): one device, one native device plus Web, or
 * up to 10 native devices and 10 Web instances.
 */
export type LoginPolicy = "single" | "dual" | "multi";
export const LOGIN_POLICIES: readonly LoginPolicy[] = ["single", "dual", "multi"];

export interface ZegoAppConfig {
  appId: number;
  /** The console ServerSecret (32 characters): signs requests and Token04. */
  serverSecret: string;
  /** Where callbacks go; no URL = no callbacks. */
  callbackUrl?: string;
  /** Signs callbacks (§5.1). Absent: the ServerSecret (one doc page says so; unverified). */
  callbackSecret?: string;
  /** Default "flagship" (every feature on). */
  plan?: ZegoPlan;
  /** Services enabled for the app; a call to another answers 100000017. Default both. */
  services?: Product[];
  /** Revoke window, seconds (§2.3: default 120, configurable up to 24 h). */
  revokeWindowSeconds?: number;
  /** MessageBody.Message limit, bytes (default 2 KB, configurable up to 32 KB). */
  messageMaxBytes?: number;
  /** Edit window, seconds from the original send (#16 §2.1: default 24 h, configurable). */
  editWindowSeconds?: number;
  /**
   * History retention, days: how old an import's SendMessageTime may be (#16 §3; default by
   * plan: free 7, professional 30, flagship 90, the Free / Pro / Enterprise storage durations).
   */
  historyDays?: number;
  /** ModifyUserInfo Extra limit, bytes (default 2 KB, configurable up to 32 KB). */
  extraMaxBytes?: number;
  /** Groups per app before 660600012 (plan limit; default unlimited). */
  groupLimit?: number;
  /**
   * Members per group on the app's plan, the most ModifyGroupLimit's MemberCountLimit may
   * set (Pricing: Free 20, Pro 200, Enterprise 2 000, adjustable; add-ons to 6 000).
   */
  groupMemberLimit?: number;
  /** ZIM rooms per app before 660300015 (default unlimited). */
  roomLimit?: number;
  /** Friends per user before 660800028 (documented: 3000). */
  friendLimit?: number;
  /** Blocked users per user before 660800040 (default 1000, raisable via support). */
  blocklistLimit?: number;
  /** The before_send_msg callback for client-SDK sends (docs/vendors/zego.md #18). */
  beforeSend?: BeforeSendConfig;
  /** Default "single", the vendor's default policy. */
  loginPolicy?: LoginPolicy;
}

export interface BeforeSendConfig {
  /** Default: on whenever the app has a callback URL. */
  enabled?: boolean;
  /** Per attempt, ms (default 2 500: the zh page's 2.5 s). */
  timeoutMs?: number;
  /**
   * What ZIM does with the message when the app's server fails to answer (timeout, non-2xx,
   * unreadable body): "drop" (default, per the docs) or "send" (ZEGO support can switch it).
   */
  onFailure?: "drop" | "send";
}

/** Shared options (port, host, faults, rate limits, WAN-like `tls` and `latencyMs`) plus these. */
export interface ZegoEmulatorOptions extends SharedEmulatorOptions {
  port?: number;
  host?: string;
  apps: ZegoAppConfig[];
  faults?: FaultSpec[];
  /** false = rate limits off (switchable later). Default true. */
  rateLimits?: boolean;
  /**
   * Which product a request is for when the Host header does not say (`zim-api*` /
   * `rtc-api*`, e.g. loopback): "auto" (default) decides by the Action name.
   */
  product?: Product | "auto";
  /** Allowed |now - Timestamp|, seconds. Default 600 (§1.4). */
  signatureWindowSeconds?: number;
  /** Callback retry policy. Default: 5 s timeout, retries after 2, 4, 8, 16, 32 s (§5.2). */
  callbackRetry?: Partial<RetryPolicy>;
  maxBodyBytes?: number;
  /** Refuse simulated client logins without a Token04. Default false (a token is checked when given). */
  requireLoginToken?: boolean;
}

export interface ResolvedApp {
  appId: number;
  serverSecret: string;
  callbackUrl?: string;
  callbackSecret: string;
  plan: ZegoPlan;
  services: ReadonlySet<Product>;
  revokeWindowMs: number;
  editWindowMs: number;
  historyMs: number;
  messageMaxBytes: number;
  extraMaxBytes: number;
  groupLimit: number;
  groupMemberLimit: number;
  roomLimit: number;
  friendLimit: number;
  blocklistLimit: number;
  beforeSend: { enabled: boolean; timeoutMs: number; onFailure: "drop" | "send" };
  loginPolicy: LoginPolicy;
}

/** Members per group per plan (Pricing: Free 20, Pro 200, Enterprise 2 000). */
const GROUP_MEMBERS: Record<ZegoPlan, number> = { free: 20, professional: 200, flagship: 2000 };

/** Free history storage per plan, days (Pricing: Free 7, Pro 30, Enterprise 90; adjustable). */
const HISTORY_DAYS: Record<ZegoPlan, number> = { free: 7, professional: 30, flagship: 90 };

export function resolveApp(app: ZegoAppConfig): ResolvedApp {
  if (!Number.isInteger(app.appId) || app.appId < 1 || app.appId > 0xffff_ffff) {
    throw new TypeError("appId must be a non-zero uint32");
  }
  if (typeof app.serverSecret !== "string" || app.serverSecret.length !== 32) {
    throw new TypeError("serverSecret must be 32 characters");
  }
  if (app.loginPolicy !== undefined && !LOGIN_POLICIES.includes(app.loginPolicy)) {
    throw new TypeError(`loginPolicy must be one of ${LOGIN_POLICIES.join(", ")}`);
  }
  return {
    appId: app.appId,
    serverSecret: app.serverSecret,
    ...(app.callbackUrl ? { callbackUrl: app.callbackUrl } : {}),
    callbackSecret: app.callbackSecret || app.serverSecret,
    plan: app.plan ?? "flagship",
    services: new Set(app.services ?? ["zim", "rtc"]),
    revokeWindowMs: Math.min(app.revokeWindowSeconds ?? 120, 86_400) * 1000,
    editWindowMs: (app.editWindowSeconds ?? 86_400) * 1000,
    historyMs: (app.historyDays ?? HISTORY_DAYS[app.plan ?? "flagship"]) * 86_400_000,
    messageMaxBytes: Math.min(app.messageMaxBytes ?? 2048, 32 * 1024),
    extraMaxBytes: Math.min(app.extraMaxBytes ?? 2048, 32 * 1024),
    groupLimit: app.groupLimit ?? Number.POSITIVE_INFINITY,
    groupMemberLimit: app.groupMemberLimit ?? GROUP_MEMBERS[app.plan ?? "flagship"],
    roomLimit: app.roomLimit ?? Number.POSITIVE_INFINITY,
    friendLimit: app.friendLimit ?? 3000,
    blocklistLimit: app.blocklistLimit ?? 1000,
    beforeSend: {
      enabled: app.beforeSend?.enabled ?? Boolean(app.callbackUrl),
      timeoutMs: app.beforeSend?.timeoutMs ?? 2_500,
      onFailure: app.beforeSend?.onFailure ?? "drop",
    },
    loginPolicy: app.loginPolicy ?? "single",
  };
}

/** §5.2: retries after 2, 4, 8, 16, 32 s; the per-attempt timeout is not documented. */
export const ZEGO_CALLBACK_RETRY: RetryPolicy = {
  timeoutMs: 5_000,
  retries: 5,
  backoffMs: [2_000, 4_000, 8_000, 16_000, 32_000],
};
