import type { Vendor } from "./model/app.js";

/** The one small error vocabulary, mapped once to GraphQL `extensions.code`. */
export type ImErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNSUPPORTED_BY_VENDOR"
  | "RATE_LIMITED"
  | "VENDOR_REJECTED"
  | "VENDOR_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/**
 * The vendor rule a refusal comes from, named neutrally so that clients can act on it
 * (a message the vendor no longer holds, a time window that has passed).
 */
export const ERROR_RULES = [
  "MESSAGE_GONE",
  "EDIT_WINDOW_PASSED",
  "RECALL_WINDOW_PASSED",
  "ALREADY_RECALLED",
] as const;
export type ErrorRule = (typeof ERROR_RULES)[number];

export interface ImErrorDetails {
  vendor?: Vendor;
  /** The vendor's own code, as a string (RongCloud 1002, Tencent 10010, ZEGO 660600001). */
  vendorCode?: string;
  /** Seconds the caller should wait before trying again. */
  retryAfter?: number;
  /** The input field at fault, for BAD_USER_INPUT. */
  field?: string;
  /** The neutral operation that failed. */
  operation?: string;
  /** The vendor's (or our) request id, for support. */
  requestId?: string;
  /** The rule the refusal comes from, where it is one of the neutral ones. */
  rule?: ErrorRule;
}

/**
 * Every error imgraph raises on purpose. Messages are written by us and name fields and
 * limits; they never carry a secret, a signature or a token.
 */
export class ImError extends Error {
  readonly code: ImErrorCode;
  readonly vendor: Vendor | undefined;
  readonly vendorCode: string | undefined;
  readonly retryAfter: number | undefined;
  readonly field: string | undefined;
  readonly operation: string | undefined;
  readonly requestId: string | undefined;
  readonly rule: ErrorRule | undefined;

  constructor(code: ImErrorCode, message: string, details: ImErrorDetails = {}) {
    super(redactSecrets(message));
    this.name = new.target.name;
    this.code = code;
    this.vendor = details.vendor;
    this.vendorCode = details.vendorCode;
    this.retryAfter = details.retryAfter;
    this.field = details.field;
    this.operation = details.operation;
    this.requestId = details.requestId;
    this.rule = details.rule;
  }

  /** The fields safe to show a client (GraphQL extensions, logs). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.vendor) out.vendor = this.vendor;
    if (this.vendorCode) out.vendorCode = this.vendorCode;
    if (this.retryAfter !== undefined) out.retryAfter = this.retryAfter;
    if (this.field) out.field = this.field;
    if (this.operation) out.operation = this.operation;
    if (this.requestId) out.requestId = this.requestId;
    if (this.rule) out.rule = this.rule;
    return out;
  }
}

export class UnauthenticatedError extends ImError {
  constructor(message = "Authentication required.") {
    super("UNAUTHENTICATED", message);
  }
}

export class ForbiddenError extends ImError {
  constructor(message = "Not allowed.") {
    super("FORBIDDEN", message);
  }
}

export class BadUserInputError extends ImError {
  constructor(field: string, message: string, details: Omit<ImErrorDetails, "field"> = {}) {
    super("BAD_USER_INPUT", message, { ...details, field });
  }
}

export class NotFoundError extends ImError {
  constructor(message: string, details: ImErrorDetails = {}) {
    super("NOT_FOUND", message, details);
  }
}

export class UnsupportedByVendorError extends ImError {
  constructor(vendor: Vendor, operation: string, why?: string) {
    super(
      "UNSUPPORTED_BY_VENDOR",
      `${operation} is not supported by ${vendor}${why ? `: ${why}` : "."}`,
      { vendor, operation },
    );
  }
}

export class RateLimitedError extends ImError {
  constructor(message: string, details: ImErrorDetails = {}) {
    super("RATE_LIMITED", message, details);
  }
}

export class VendorRejectedError extends ImError {
  constructor(vendor: Vendor, vendorCode: string, message: string, details: ImErrorDetails = {}) {
    super("VENDOR_REJECTED", message, { ...details, vendor, vendorCode });
  }
}

export class VendorUnavailableError extends ImError {
  constructor(vendor: Vendor, message: string, details: ImErrorDetails = {}) {
    super("VENDOR_UNAVAILABLE", message, { ...details, vendor });
  }
}

export class InternalError extends ImError {
  constructor(message = "Internal error.") {
    super("INTERNAL_SERVER_ERROR", message);
  }
}

export function isImError(value: unknown): value is ImError {
  return value instanceof ImError;
}

/** Whether a value is an ImError saying that what was asked for does not exist. */
export function isNotFound(value: unknown): value is ImError {
  return value instanceof ImError && value.code === "NOT_FOUND";
}

// Query parameters that carry credentials in vendor URLs (Tencent's usersig, ZEGO's
// Signature, RongCloud callback signatures) and JWT-like strings.
const SECRET_PARAM =
  /([?&](?:usersig|signature|sign|token|signaturenonce|nonce|secret|key)=)[^&\s"']*/gi;
// A bearer credential is token-shaped (a JWT, an opaque key): 16+ token characters. Plain
// words after "bearer" (our own "The bearer token has expired.") are left alone.
const BEARER = /\b(bearer\s+)[A-Za-z0-9._~+/=-]{16,}/gi;

/** Removes anything credential-shaped from a text before it can reach a message or a log. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PARAM, "$1[redacted]").replace(BEARER, "$1[redacted]");
}
