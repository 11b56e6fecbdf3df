import {
  type Decoded,
  type ErrorRule,
  type ImError,
  NotFoundError,
  RateLimitedError,
  VendorRejectedError,
  type VendorResponse,
  VendorUnavailableError,
} from "@imgraph/core";

/** The envelope every Tencent REST answer has (tencent.md §2.4). */
export interface TencentEnvelope {
  ActionStatus?: unknown;
  ErrorCode?: unknown;
  ErrorInfo?: unknown;
  RequestId?: unknown;
}

/**
 * Frequency limits: Tencent refused before acting, so a repeat is safe (§2.5, §2.6; 90024:
 * two all-member pushes less than a second apart, push error table 1047/74196).
 */
const RATE_LIMITED = new Set([60007, 60011, 60018, 60019, 10006, 10023, 10049, 90024]);

/** 90047: the day's all-member pushes are spent until the next Beijing (UTC+8) midnight. */
const PUSH_DAY_SPENT = 90047;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function secondsToBeijingMidnight(nowMs: number): number {
  const local = nowMs + BEIJING_OFFSET_MS;
  return Math.ceil((DAY_MS - (local % DAY_MS)) / 1000);
}

/** Internal errors and timeouts: the call may pass when repeated, if repeating is harmless. */
const TRANSIENT = new Set([
  // sns: internal error, timeout, concurrent writes to one user's relationship data.
  30006, 30007, 30008, 60008, 60013, 60014, 70169, 70500, 10002, 20004, 20005, 40006, 91000, 93001,
  // recentcontact: internal error, network timeout; openconfigsvr: system error.
  50004, 50005, 130014,
  // open_msg_svc/get_history: system error.
  1003,
]);

/** Unknown user, group or message (§5 rows 18-21, 30). */
const NOT_FOUND: Record<number, string> = {
  70107: "Tencent does not know that user (not imported)",
  40003: "Tencent does not know that user",
  30003: "Tencent does not know that user",
  10019: "Tencent does not know that user",
  20003: "Tencent does not know that user",
  90008: "Tencent does not know the sender",
  90012: "Tencent does not know the recipient",
  10010: "the group does not exist or was dismissed",
  10015: "the group does not exist (invalid group id)",
  20022: "the message does not exist",
  // modify_c2c_msg / modify_group_msg (the web SDK's code; unverified for REST).
  20026: "the message does not exist",
  // recentcontact: the UserID was never imported.
  50001: "Tencent does not know that user (not imported)",
  // openim: To_Account unknown (get_c2c_unread_msg_num, admin_getroammsg's peer).
  90003: "Tencent does not know that user",
  10030: "the message does not exist",
  // recentcontact: the conversation group does not exist (intl 1047/34348).
  51009: "the conversation group does not exist",
  // delete_group_attr: the attribute does not exist (#17 §2.2).
  10050: "the group attribute does not exist",
  31804: "Tencent does not know that user",
  31211: "not a friend of that user",
  31704: "not a friend of that user",
  32216: "not a friend of that user",
  // openconfigsvr: setnospeaking's Set_Account, getnospeaking's Get_Account invalid (our
  // ids are checked: not imported).
  130005: "Tencent does not know that user",
  130003: "Tencent does not know that user",
  // Message extensions: the message does not exist (the extension pages' 23004).
  23004: "the message does not exist",
  // Group read receipts: no receipt information (unknown message, or sent without receipts).
  10062:
    "Tencent has no read receipt for that message (it does not exist, or was sent without read receipts)",
};

/** Codes that come from a neutral rule clients can act on (extensions.rule). */
const RULES: Record<number, ErrorRule> = {
  20022: "MESSAGE_GONE",
  20026: "MESSAGE_GONE",
  10030: "MESSAGE_GONE",
  23004: "MESSAGE_GONE",
  10031: "RECALL_WINDOW_PASSED",
  20023: "ALREADY_RECALLED",
};

const CHECK_CREDENTIALS = "check the SDKAppID, its SecretKey, the admin account and the region";

/** What a Tencent code means for a caller; our own words, never the request's secrets. */
const MESSAGES: Record<number, string> = {
  60003: "Tencent could not parse the request body",
  60004: `Tencent rejected the account or signature in the request: ${CHECK_CREDENTIALS}`,
  60005: `Tencent rejected the account or signature in the request: ${CHECK_CREDENTIALS}`,
  60006: `Tencent does not know this SDKAppID: ${CHECK_CREDENTIALS}`,
  60010: "the identifier is not an App admin: check adminUserId against the console",
  60016: "the SDKAppID is disabled",
  60020: "the Tencent package has expired or is not yet effective",
  60021: "Tencent does not allow calls from this IP address",
  70050: `Tencent throttles this app after repeated signature failures: ${CHECK_CREDENTIALS}`,
  70206: "a batch count is invalid",
  70398: "the app's account cap is reached (trial edition)",
  70399: "a deleted account cannot be imported again yet",
  70402: "Tencent rejected a parameter",
  70403: "the identifier is not an App admin: check adminUserId against the console",
  80001: "the text contains words Tencent refuses",
  80002: "the message is too long for Tencent",
  93000: "the message is too long for Tencent",
  10004: "Tencent rejected a parameter",
  10007: "not allowed for this group or group type",
  10014: "the group is full",
  10016: "the app's before-send callback refused the message",
  10017: "the sender is muted in this group",
  10021: "that group id is already used",
  10025: "that group id is already used by this owner",
  10031: "the message is past its recall time limit",
  10032: "the message cannot be recalled",
  10033: "this group type does not support recall",
  // delete_group_msg_by_sender (the web SDK's texts).
  10034: "this message type cannot be deleted",
  10035: "live groups (AVChatRoom) and broadcast groups do not support deleting messages",
  90011: "a list is longer than Tencent takes in one call",
  20006: "the app's before-send callback refused the message",
  20012: "the sender is muted",
  20023: "the message was already recalled",
  90054: "the message key is invalid",
  50002: "Tencent rejected a conversation parameter",
  // open_msg_svc/get_history (1004 and 1005, no file, are read by history-log.ts).
  1002: "Tencent rejected the message log request's parameters",
  // Conversation groups and marks (intl 1047/34348, "Error codes for recent contacts").
  51006: "more conversations than Tencent takes in one call (100)",
  51007: "the user is not a member of that group conversation",
  51008: "the user's grouped or marked conversations reached Tencent's cap (1000)",
  51010: "the user has Tencent's maximum of conversation groups (20)",
  51011: "the conversation group name is longer than 32 bytes",
  51012: "the user has Tencent's maximum of pinned conversations (50)",
  51013: "conversation groups and standard marks need Tencent's Pro edition or higher",
  50003: "the identifier is not an App admin: check adminUserId against the console",
  // Group attributes and counters (docs/vendors/tencent.md #17 §6).
  10045: "a group attribute key is longer than 32 bytes",
  10046: "a group attribute value is longer than 4000 bytes",
  10047: "the group would hold more than Tencent's 16 attributes",
  10048: "the group's attribute values would exceed Tencent's 16000 bytes",
  10059: "this feature needs Tencent's Pro edition or higher",
  // Message extensions (the set and get pages).
  10008: "message extensions need Tencent's Pro edition or higher",
  23002: "the message was not sent with message extensions on (SupportMessageExtension)",
  23003: "more than Tencent's 200 extension writes a minute on this message",
  10063: "more than Tencent's 20 group counters",
  // sns, the relationship chain (docs/vendors/tencent.md, "Social graph").
  30001: "Tencent rejected a relationship parameter",
  30005: "a friend field contains words Tencent refuses",
  30009: "the user is banned from adding friends",
  30010: "the user's friend list is full (3000)",
  30011: "the user has too many friend lists (32)",
  30013: "the user's blocklist is full (1000)",
  30014: "the other user's friend list is full (3000)",
  30015: "already a friend",
  30515: "the other user is on this user's blocklist",
  30516: "the other user accepts no friends",
  30525: "this user is on the other user's blocklist",
  30539: "the other user must confirm the request",
  30540: "adding friends is rate-limited by Tencent's security policy",
  31707: "deleting friends is rate-limited by Tencent's security policy",
  // Push (docs/vendors/tencent.md "Push notifications", error table 1047/74196).
  90018: "more accounts than Tencent takes in one call",
  90020: "a push tag is longer than 50 bytes",
  90022: "a push tag is both in the any-of and the all-of list",
  90032: "more than Tencent's 10 tags in one push condition or call",
  90033:
    "a push attribute is not one of the app's attribute names (timpush/set_attr_name), or its value is invalid",
  90039: "a push goes by attributes or by tags, not both",
  90040: "a push tag is empty",
  90045:
    'push is not enabled for this app: all-member, tag and single push need Tencent\'s Push service (or the console switch "Push to all users")',
  90056: "the push request is larger than Tencent's 10 KB",
  90057: "the push DataId is longer than 64 bytes",
};

function isAuthCode(code: number): boolean {
  return (code >= 70001 && code <= 70020) || code === 70052 || code === 60012;
}

/** Maps one Tencent code to an ImError and whether repeating could help. */
export function tencentError(
  code: number,
  vendorText: string,
  requestId?: string,
): { error: ImError; retry: "safe" | "transient" | "never" } {
  const rule = RULES[code];
  const details = {
    vendor: "tencent" as const,
    vendorCode: String(code),
    ...(requestId ? { requestId } : {}),
    ...(rule ? { rule } : {}),
  };
  if (RATE_LIMITED.has(code)) {
    return {
      error: new RateLimitedError("Tencent's frequency limit for this API was exceeded.", {
        ...details,
        retryAfter: 1,
      }),
      retry: "safe",
    };
  }
  if (code === PUSH_DAY_SPENT) {
    // Spent for the Beijing day: repeating before midnight (UTC+8) fails the same way.
    return {
      error: new RateLimitedError("Tencent's daily count of all-member pushes is spent.", {
        ...details,
        retryAfter: secondsToBeijingMidnight(Date.now()),
      }),
      retry: "never",
    };
  }
  if (code === 70050) {
    // Throttled for a minute after repeated bad signatures: repeating now only prolongs it.
    return {
      error: new RateLimitedError(`${MESSAGES[code]}.`, { ...details, retryAfter: 60 }),
      retry: "never",
    };
  }
  const notFound = NOT_FOUND[code];
  if (notFound) return { error: new NotFoundError(`${notFound}.`, details), retry: "never" };
  const base = isAuthCode(code)
    ? `Tencent rejected the admin UserSig (code ${code}): ${CHECK_CREDENTIALS}`
    : TRANSIENT.has(code)
      ? `Tencent failed internally (code ${code}); try again later`
      : (MESSAGES[code] ?? `Tencent answered code ${code}`);
  // Tencent's own text helps support; it never echoes the request's usersig.
  const text = isAuthCode(code) ? "" : vendorText.slice(0, 200);
  const message = text ? `${base}: ${text}` : `${base}.`;
  if (TRANSIENT.has(code)) {
    // Repeated by the VendorClient only when the call is a read or deduplicated.
    return { error: new VendorUnavailableError("tencent", message, details), retry: "transient" };
  }
  const error = new VendorRejectedError("tencent", String(code), message, {
    ...(requestId ? { requestId } : {}),
    ...(rule ? { rule } : {}),
  });
  return { error, retry: "never" };
}

/** Success is `ActionStatus: "OK"` with `ErrorCode: 0` in the body (HTTP is 200 either way). */
export function decodeTencent(response: VendorResponse, onExpiredSig?: () => void): Decoded {
  const body = response.body as TencentEnvelope;
  if (body.ActionStatus === undefined && body.ErrorCode === undefined) {
    // Not Tencent's envelope (a proxy's page?): like a malformed answer.
    return {
      ok: false,
      error: new VendorUnavailableError("tencent", "Tencent answered without its envelope."),
      retry: "transient",
    };
  }
  const code = typeof body.ErrorCode === "number" ? body.ErrorCode : Number(body.ErrorCode ?? 0);
  if (body.ActionStatus === "OK" && code === 0) return { ok: true, value: body };
  const requestId = typeof body.RequestId === "string" ? body.RequestId : undefined;
  const mapped = tencentError(
    Number.isFinite(code) ? code : -1,
    typeof body.ErrorInfo === "string" ? body.ErrorInfo : "",
    requestId,
  );
  if (code === 70001 && onExpiredSig) {
    // Tencent checks the UserSig before acting: with a fresh one the call may pass.
    onExpiredSig();
    return { ok: false, ...mapped, retry: "safe" };
  }
  return { ok: false, ...mapped };
}

/** A per-item code of a batch answer (ResultCode, ErrorCode, RetCode) as an ImError. */
export function itemFailure(code: unknown, info?: unknown): ImError {
  const n = typeof code === "number" ? code : Number(code);
  return tencentError(Number.isFinite(n) ? n : -1, typeof info === "string" ? info : "").error;
}
