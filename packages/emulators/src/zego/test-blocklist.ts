/** The blocklist Actions (zego.md #15 §10-13) on one user's list, as the ZEGO tests call them. */
import type { QueryValue, ZegoTestClient } from "./test-support.js";

export function blocklistOf(zim: ZegoTestClient, FromUserId: string) {
  return {
    add: (UserIds: string[]) => zim.post("AddUsersToBlacklist", { FromUserId, UserIds }),
    remove: (UserIds: string[]) => zim.post("RemoveUsersFromBlacklist", { FromUserId, UserIds }),
    check: (UserIds: string[]) => zim.post("CheckUsersIsInBlacklist", { FromUserId, UserIds }),
    query: (page: Record<string, QueryValue> = {}) =>
      zim.get("QueryBlacklist", { FromUserId, ...page }),
  };
}
