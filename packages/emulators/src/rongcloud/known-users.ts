/**
 * Endpoints that name users who must exist. RongCloud documents no unknown-user answer for
 * them; the 2026 code table's 400 "user id does not exist" (the answer of /user/info.json)
 * is used — unverified per endpoint (rongcloud.md §1.10, shared §5 row 20).
 */
import { RcError } from "./errors.js";
import type { AppState } from "./state.js";

export function requireUsers(app: AppState, userIds: readonly string[]): void {
  for (const id of userIds) {
    if (!app.users.has(id)) throw new RcError(400, 400, `user id does not exist: ${id}`);
  }
}
