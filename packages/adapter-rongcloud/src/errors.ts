import {
  type Decoded,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  VendorRejectedError,
  type VendorResponse,
} from "@imgraph/core";

interface Envelope {
  code?: unknown;
  errorMessage?: unknown;
}

// What RongCloud's business codes mean for a caller (vendor reference §1.6).
const MESSAGES: Record<number, string> = {
  1001: "RongCloud rejected the app key and secret: check the configuration",
  1002: "RongCloud rejected a parameter",
  1003: "RongCloud received no data",
  1004: "RongCloud rejected the request signature: check the app secret",
  1005: "RongCloud rejected a parameter as too long",
  1006: "the RongCloud app is locked or offline",
  1007: "RongCloud restricted this call (IP allow-list?)",
  1009: "this RongCloud service is not enabled for the app key",
  1015: "the data to delete does not exist",
  1016: "too many keep-alive chatrooms",
  1501: "RongCloud rejected a parameter type",
  1502: "a count is over RongCloud's limit",
  2007: "RongCloud's development environment allows at most 100 users",
  // Chatroom KV (#17 §2.8; client header codes).
  23423: "the live room has as many attributes as RongCloud allows (100)",
  23424: "that live room attribute belongs to another user",
  23427: "that live room attribute does not exist",
  23428: "some live room attributes were not written",
  // The information-hosting service's own codes (friends; vendor reference §1.10).
  25402: "RongCloud's hosting service failed",
  25403: "RongCloud's hosting service rejected a parameter",
  25404: "RongCloud's hosting service refused the operation",
  25405: "RongCloud's hosting service allows no such operation",
  25406: "a value is longer than RongCloud's hosting service allows",
  25409: "that group id is already used",
  25411: "the group has as many members as RongCloud allows",
  25415: "that attribute key is not created in RongCloud's console",
  25417: "the group owner cannot leave or be removed",
  25419: "the group has as many admins as RongCloud allows",
  25420: "that user is not an admin of the group",
  25422: "too many groups in one RongCloud query",
  25423: "a group name cannot be empty",
  25425: "the group owner cannot be an admin",
  25429: "the group is a classic group: import it into RongCloud's group hosting first",
  25432: "RongCloud could not read the page token",
  25460: "the users are already friends",
  25461: "the other user must approve the friend request",
  25462: "the other user has blocked this user",
  25464: "this user has blocked the other user",
  25467: "this user has as many friends as RongCloud allows",
  25468: "the other user has as many friends as RongCloud allows",
  25470: "too many friend attributes for RongCloud",
  25471: "the other user does not allow being added as a friend",
  25473: "a user cannot befriend themselves",
};

/** "Not friends" and "friend does not exist": the friend is not on the list. */
const NOT_A_FRIEND = new Set([25469, 25472]);

/**
 * Hosted groups (#17 §U1): "group id does not exist", "user not in group"; chatrooms (§2.3):
 * "chatroom does not exist".
 */
const NOT_FOUND_HOSTED: Record<number, string> = {
  25410: "RongCloud does not know that group.",
  25418: "That user is not in the group.",
  23410: "RongCloud does not know that live room (chatroom).",
};

/** Success is `code: 200` in the body, whatever the HTTP status (10000 on some newer APIs). */
export function decodeRongCloud(response: VendorResponse): Decoded {
  const body = response.body as Envelope;
  const code = typeof body.code === "number" ? body.code : Number(body.code);
  if (code === 200 || code === 10000) return { ok: true, value: body };
  const requestId = headerValue(response.headers["x-request-id"]);
  const details = requestId ? { requestId } : {};
  if (code === 1008 || response.status === 429) {
    return {
      ok: false,
      error: new RateLimitedError("RongCloud's rate limit for this API was exceeded.", {
        vendor: "rongcloud",
        vendorCode: "1008",
        retryAfter: 1,
        ...details,
      }),
      retry: "safe",
    };
  }
  if (code === 400) {
    // The 2026 code table's "user id does not exist".
    return {
      ok: false,
      error: new NotFoundError("RongCloud does not know that user.", {
        vendor: "rongcloud",
        vendorCode: "400",
        ...details,
      }),
    };
  }
  const notFound = NOT_FOUND_HOSTED[code];
  if (notFound) {
    return {
      ok: false,
      error: new NotFoundError(notFound, {
        vendor: "rongcloud",
        vendorCode: String(code),
        ...details,
      }),
    };
  }
  // Hosted groups: "illegal operation", "no permission" (#17 §U1).
  if (code === 25404 || code === 25405) {
    const base = MESSAGES[code] as string;
    return { ok: false, error: new ForbiddenError(`${base} (RongCloud code ${code}).`) };
  }
  if (NOT_A_FRIEND.has(code)) {
    return {
      ok: false,
      error: new NotFoundError("That user is not on the friend list.", {
        vendor: "rongcloud",
        vendorCode: String(code),
        ...details,
      }),
    };
  }
  const vendorText = typeof body.errorMessage === "string" ? body.errorMessage.slice(0, 200) : "";
  const base = MESSAGES[code] ?? `RongCloud answered code ${Number.isFinite(code) ? code : "?"}`;
  const error = new VendorRejectedError(
    "rongcloud",
    String(Number.isFinite(code) ? code : response.status),
    vendorText ? `${base}: ${vendorText}` : `${base}.`,
    details,
  );
  // 1000 internal error and 1050 internal timeout may pass on a retry of a read.
  return { ok: false, error, retry: code === 1000 || code === 1050 ? "transient" : "never" };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
