import type { Answer } from "./batch.js";
import type { ZegoCall } from "./context.js";

// QueryUserInfos (POST, UserIds ≤ 100): read by getUsers and checkAccounts.

/** Its SubCode for a user that does not exist (§2.2; #15 §16). */
export const UNKNOWN_USER = 660000002;

export interface InfoRow {
  UserId?: unknown;
  UserName?: unknown;
  UserAvatar?: unknown;
  Extra?: unknown;
}

/** The QueryUserInfos call for one chunk of user ids. */
export function userInfosCall(operation: string, userIds: string[]): ZegoCall {
  return {
    operation,
    action: "QueryUserInfos",
    method: "POST",
    params: { UserIds: userIds },
    idempotent: true,
  };
}

/** The profile ZIM answered for `userId` (in Result), if any. */
export function infoRow(answer: Answer, userId: string): InfoRow | undefined {
  const rows = (answer as { Result?: InfoRow[] }).Result;
  return rows?.find((r) => r.UserId === userId);
}
