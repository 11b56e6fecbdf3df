/**
 * RongCloud business errors. Handlers throw RcError; the vendor turns it into
 * HTTP status + `{code, errorMessage}` (rongcloud.md §1.4–1.6).
 */
export class RcError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    /** Fields the answer carries beside code and errorMessage (e.g. `managerCount`). */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "RcError";
  }
}

/** 1002: a required parameter is missing (rongcloud.md §5 row 7). */
export const missing = (field: string) => new RcError(400, 1002, `${field} is required`);

/** 1002: wrong type, bad enum, out-of-range value, too many values (§5 rows 8, 10, 11). */
export const invalid = (field: string, why: string) => new RcError(400, 1002, `${field} ${why}`);

/** 1005: a value longer than the documented limit (§5 row 9). */
export const tooLong = (field: string, max: number, unit: "characters" | "bytes") =>
  new RcError(400, 1005, `${field} is too long (max ${max} ${unit})`);

/**
 * Count over limit: the reference allows 1002 or 1005 (unverified); we answer 1002 since
 * it is a parameter error, not a length error.
 */
export const tooMany = (field: string, max: number) =>
  new RcError(400, 1002, `${field} has too many values (max ${max})`);

/** 1009: the service is not enabled for this app key (§5 row 14). */
export const notEnabled = (service: string) =>
  new RcError(430, 1009, `${service} is not enabled for this app key`);

/** 1003: no POST data (§5 row 6; 1003 vs 1002 is unverified, the old table says 1003). */
/**
 * Refuses a change that would leave a group (classic or hosted) over `max` members. The real
 * over-capacity code is unverified (the old table's HTTP 405): answered as a parameter error.
 */
export function checkMemberCount(members: Iterable<string>, adding: string[], max: number): void {
  if (new Set([...members, ...adding]).size > max)
    throw new RcError(400, 1002, `group member count over limit (max ${max})`);
}

export const noPostData = () => new RcError(400, 1003, "no POST data");
