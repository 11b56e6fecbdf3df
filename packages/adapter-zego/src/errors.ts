import {
  type Decoded,
  type ErrorRule,
  ImError,
  NotFoundError,
  RateLimitedError,
  VendorRejectedError,
  type VendorResponse,
  VendorUnavailableError,
} from "@imgraph/core";

/** Which ZEGO server API answered: ZIM results sit at the top level, RTC's under `Data`. */
export type ZegoProduct = "zim" | "rtc";

/** One entry of a batch Action's failure list (§1.8): `{UserId, SubCode[, SubMessage]}`. */
export interface FailedItem {
  userId: string;
  subCode: number;
}

// §1.10 and §4: refused before acting, so repeating is safe.
const RATE_LIMITED: Record<ZegoProduct, Set<number>> = {
  zim: new Set([
    7, 660300005, 660300006, 660700001, 660600004, 660600005, 660600007, 660600010, 660500003,
  ]),
  rtc: new Set([206, 207]),
};

// Gateway codes (§1.6) that mean the app's configuration is wrong, not the request.
const AUTH: Record<number, string> = {
  100000001: "ZEGO rejected the AppId: check the configured AppId",
  100000004: "ZEGO says the signature expired: check the server clock (±10 minutes)",
  100000005: "ZEGO rejected the signature: check the AppId and ServerSecret",
  100000010: "ZEGO could not find the ServerSecret: check the AppId",
  100000011: "ZEGO could not find the app configuration: check the AppId",
  100000016: "the ZEGO app is not configured for production (RTC: check IsTest)",
  100000017: "the ZEGO app is not enabled for this service",
};

// Lookups of things that do not exist.
const NOT_FOUND: Record<ZegoProduct, Record<number, string>> = {
  zim: {
    51102: "the user does not exist",
    660000022: "the message does not exist",
    660300001: "the room does not exist",
    660300002: "the user is not in the room",
    660500002: "the acting user (sender/operator) is not registered with ZIM",
    660600001: "the group does not exist",
    660700012: "the user is not registered",
    660700015: "the user is not registered",
    // Friends and blocklists (#15).
    660800001: "the user is not registered",
    660800034: "the user is not a friend",
    660800043: "the user is not on the blocklist",
    660800044: "the user is not on the blocklist",
    // Conversations (#16).
    660800002:
      "the conversation is not in the user's list, or not among their latest 1000 conversations",
  },
  rtc: {
    104: "the room does not exist",
    105: "the user does not exist",
    5024: "the room does not exist",
    50001: "the room does not exist",
  },
};

// Failures inside ZEGO: a read may pass on a retry.
const TRANSIENT: Record<ZegoProduct, Set<number>> = {
  zim: new Set([
    1, 105001, 100000015, 660000001, 660300007, 660600015, 660700008, 660700013, 660800053,
  ]),
  rtc: new Set([1, 100000015, 154]),
};

// What other codes mean, for the error message (the vendor's Message text is appended).
const MESSAGES: Record<number, string> = {
  2: "ZEGO rejected a parameter",
  3: "ZEGO authentication failed",
  660000002: "ZEGO rejected a parameter (or the user does not exist)",
  660000011: "too many users in one ZEGO call",
  660000012: "a user id is longer than 32 bytes",
  660000023: "the message was already recalled",
  660000024: "the message is too old to recall",
  660000026: "the message was not sent by that user",
  660000027: "the app keeps no room messages (room-message storage, ZEGO's Enterprise plan)",
  660000028: "the feature is not available on the app's ZEGO plan",
  660400001: "the message is too large for ZEGO",
  660400102: "too many messages in one ZEGO read receipt call (10 at most)",
  660400103:
    "ZEGO failed to set the group read receipts (e.g. no message is one the user received there)",
  660400104:
    "ZEGO failed to set the read receipts (e.g. no message is one the user received from that peer)",
  660500010: "the message was rejected by the app's before-send callback",
  660600011: "the group already exists",
  // Live rooms = ZIM rooms (#17 §L).
  660200001: "the user is not registered or not logged in",
  660300008: "the room is empty, waiting out its destroy delay",
  660300012: "the user is not in the room",
  660300013: "room messages carry no read receipts",
  660300014: "the room already exists",
  660300015: "the app's room limit is reached (Free 10, Pro 50 rooms by default)",
  660600012: "the app's group limit is reached",
  660600013: "the group owner is not registered",
  660600016: "too many members at group creation (max 100)",
  660600024: "the user is not a member of the group",
  660600032: "the acting user must be the group's owner or an admin",
  // Group depth (#17).
  660300019: "the group attributes' values are too long in all for ZEGO",
  660600019: "the group would have more than ZEGO's 10 attributes",
  660600020: "a group attribute key is over 16 bytes or a value over 1024 bytes",
  660600028: "ZEGO failed to change the group",
  660600029: "role 1 (owner) cannot be given: ownership moves with transferGroupOwnership",
  660600030: "a user cannot change their own role",
  660600033: "the change failed for every user",
  660700002: "the user already exists",
  660800045: "the sender is blocked by the receiver",
  660800019: "too many users in one ZEGO friend call",
  660800020: "a user cannot befriend themselves",
  660800021: "the friend alias is too long (256 characters at most)",
  660800023: "friend attribute keys must be k0..k4",
  660800024: "the friend's attributes are over ZEGO's 1024 bytes in all",
  660800028: "the friend list is full (ZEGO allows 3000 friends per user)",
  660800033: "a user cannot delete themselves as a friend",
  660800038: "a user cannot block themselves",
  660800039: "too many users in one ZEGO blocklist call",
  660800040: "the blocklist is full (ZEGO allows 1000 blocked users per user by default)",
  660800046: "the time given is in the future (a friendship or an imported message)",
  660800030: "the user muted too many one-to-one conversations (ZEGO allows 500 by default)",
  660800048: "the user's pin list is full (ZEGO allows 100 pinned conversations)",
  660800051: "the conversation is already muted",
  660800052: "the conversation is already unmuted",
  660800053: "ZEGO failed to read the conversation list",
  660800054:
    "ZEGO could not change the mark on any conversation (e.g. a group that does not exist or that the user is not in)",
  661000001: "the message is older than ZEGO's edit window (24 hours by default)",
  661000005: "ZEGO failed to edit the message",
  50011: "too many users in one ZEGO call",
  50012: "the message is too long for ZEGO",
  1008: "the message is empty",
};

/** Codes that come from a neutral rule clients can act on (extensions.rule). */
const RULES: Record<number, ErrorRule> = {
  661000001: "EDIT_WINDOW_PASSED",
  660000024: "RECALL_WINDOW_PASSED",
  660000023: "ALREADY_RECALLED",
};

const failures = new WeakMap<ImError, FailedItem[]>();

/** The failure list of a batch Action that failed for every item (§1.8), if ZEGO filled it. */
export function failedItemsOf(error: unknown): FailedItem[] | undefined {
  return error instanceof ImError ? failures.get(error) : undefined;
}

/** Success is `Code: 0` in the body, whatever the HTTP status. */
export function decodeZego(product: ZegoProduct, response: VendorResponse): Decoded {
  const body = response.body as Record<string, unknown>;
  const code = typeof body.Code === "number" ? body.Code : Number(body.Code);
  const requestId = body.RequestId === undefined ? undefined : String(body.RequestId);
  const details = requestId ? { requestId } : {};
  if (!Number.isFinite(code)) {
    return {
      ok: false,
      error: new VendorUnavailableError("zego", "ZEGO answered without a Code.", details),
      retry: "transient",
    };
  }
  if (code === 0) {
    const value = product === "rtc" ? (body.Data ?? {}) : body;
    return { ok: true, value };
  }
  const { error, retry } = zegoError(product, code, body.Message, details);
  const items = failureList(body);
  if (items.length > 0) failures.set(error, items);
  return { ok: false, error, retry };
}

/** The ImError for a ZEGO code (also used for a batch's per-item SubCodes). */
export function zegoError(
  product: ZegoProduct,
  code: number,
  vendorMessage?: unknown,
  details: { requestId?: string; rule?: ErrorRule } = {},
  subject?: string,
): { error: ImError; retry: "safe" | "transient" | "never" } {
  const vendorCode = String(code);
  const rule = RULES[code];
  if (rule) details = { ...details, rule } as typeof details;
  const said =
    typeof vendorMessage === "string" && vendorMessage && vendorMessage !== "success"
      ? `: ${vendorMessage.slice(0, 200)}`
      : ".";
  const about = subject ? `${subject}: ` : "";
  if (RATE_LIMITED[product].has(code)) {
    return {
      error: new RateLimitedError(`${about}ZEGO's rate limit for this call was exceeded${said}`, {
        vendor: "zego",
        vendorCode,
        retryAfter: 1,
        ...details,
      }),
      retry: "safe",
    };
  }
  const auth = AUTH[code];
  if (auth) {
    return {
      error: new VendorRejectedError("zego", vendorCode, `${about}${auth}.`, details),
      retry: "never",
    };
  }
  const missing = NOT_FOUND[product][code];
  if (missing) {
    return {
      error: new NotFoundError(`${about}ZEGO: ${missing}${said}`, {
        vendor: "zego",
        vendorCode,
        ...details,
      }),
      retry: "never",
    };
  }
  const base = MESSAGES[code] ?? `ZEGO answered code ${code}`;
  return {
    error: new VendorRejectedError("zego", vendorCode, `${about}${base}${said}`, details),
    retry: TRANSIENT[product].has(code) ? "transient" : "never",
  };
}

// The failure list's name varies per Action (§1.8).
const FAILURE_LISTS = ["ErrorList", "ErrorUsers", "ErrList", "Fails", "FailUsers"] as const;

/** Reads every failure entry of an answer, whatever the list is called. */
export function failureList(body: Record<string, unknown>): FailedItem[] {
  const out: FailedItem[] = [];
  for (const name of FAILURE_LISTS) {
    const list = body[name];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== "object" || entry === null) continue;
      const e = entry as Record<string, unknown>;
      const userId = e.UserId ?? e.Uid;
      const subCode = Number(e.SubCode ?? e.Code);
      if (typeof userId === "string" && Number.isFinite(subCode)) out.push({ userId, subCode });
    }
  }
  return out;
}
