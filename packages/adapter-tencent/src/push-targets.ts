import { type CallOptions, type ItemResult, itemError, itemOk, runIdBatches } from "@imgraph/core";
import { call, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { USERS_PER_TAG_CALL } from "./limits.js";

// The per-account push target commands (docs/vendors/tencent.md "Social graph and user
// depth" §14a, §15; "Push notifications"): all_member_push's tags and timpush's attributes,
// 100 accounts a call; accounts that failed come back in ErrorList ([{To_Account,
// ErrorCode, ErrorInfo}], as the timpush pages show: unverified on the legacy paths), the
// others are done.

export interface PushTargetAnswer {
  ErrorList?: Array<{ To_Account?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown }>;
}

/** The chunk's failures by account. */
export function failedAccounts(answer: PushTargetAnswer): Map<string, ItemResult<never>> {
  const failed = new Map<string, ItemResult<never>>();
  for (const e of answer.ErrorList ?? []) {
    const id = str(e?.To_Account);
    if (id) failed.set(id, itemError(id, itemFailure(e.ErrorCode, e.ErrorInfo)));
  }
  return failed;
}

/**
 * One push target command over the users, 100 a call: `command` is its service/command
 * path, `body(chunk)` the request, `ok(id, answer)` the value of a user the answer did not
 * list as failed.
 */
export function pushTargetBatches<A extends PushTargetAnswer, V>(
  ctx: TencentContext,
  userIds: string[],
  request: {
    operation: string;
    command: string;
    body: (chunk: string[]) => Record<string, unknown>;
    idempotent: boolean;
    ok: (id: string, answer: A) => V;
  },
  options: CallOptions | undefined,
): Promise<ItemResult<V>[]> {
  return runIdBatches(ctx, userIds, USERS_PER_TAG_CALL, async (chunk) => {
    const answer = await call<A>(
      ctx,
      request.operation,
      request.command,
      request.body(chunk),
      options,
      request.idempotent,
    );
    const failed = failedAccounts(answer);
    return chunk.map((id) => failed.get(id) ?? itemOk(id, request.ok(id, answer)));
  });
}
