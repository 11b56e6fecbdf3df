/**
 * Tencent business errors. Handlers throw TimError; the vendor turns it into HTTP 200 +
 * `{ActionStatus:"FAIL", ErrorCode, ErrorInfo}` (tencent.md §2.4).
 */
export class TimError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "TimError";
  }
}

/** Codes one service uses for generic parameter problems (tencent.md §5 rows 15–17). */
export interface ServiceCodes {
  /** Required field missing or of the wrong type. */
  invalid: number;
  /** A list longer than the per-call cap. */
  tooMany: number;
}

export const ACCOUNT_CODES: ServiceCodes = { invalid: 70402, tooMany: 70206 };
export const PROFILE_CODES: ServiceCodes = { invalid: 40001, tooMany: 40001 };
export const SNS_CODES: ServiceCodes = { invalid: 30001, tooMany: 30001 };
/** openim: 90001 for fields without a dedicated code; 90011 is the documented batch cap. */
export const OPENIM_CODES: ServiceCodes = { invalid: 90001, tooMany: 90011 };
/** all_member_push attributes and tags: 90018 is "too many accounts in the request". */
export const PUSH_TARGET_CODES: ServiceCodes = { invalid: 90001, tooMany: 90018 };
export const GROUP_CODES: ServiceCodes = { invalid: 10004, tooMany: 10005 };
/**
 * openconfigsvr: 130001 is "bad JSON"; a field of the wrong type answers it too (unverified:
 * the page's table lists no code for that).
 */
export const CONFIG_CODES: ServiceCodes = { invalid: 130001, tooMany: 130001 };
