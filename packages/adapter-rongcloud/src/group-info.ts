import type { CallOptions, Group } from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";

// RongCloud's classic groups are user↔group bindings plus a name for push texts: there
// is no owner and no group record of its own. A group "exists" while it has members, and
// its name is read from a member's group list.

export function toGroup(id: string, name: string, memberCount: number | null): Group {
  return { id, name, ownerId: null, memberCount, createdAt: null };
}

/** One page of the groups a user is in (page 0: the first 5000, unpaged). */
export async function groupsOfUser(
  ctx: RongCloudContext,
  userId: string,
  page: number,
  size: number | undefined,
  options?: CallOptions,
): Promise<Array<{ id: string; name: string }>> {
  const answer = await post<{ groups?: Array<{ id?: unknown; name?: unknown }> }>(
    ctx,
    "listUserGroups",
    "/user/group/query.json",
    { userId, page, size },
    options,
    true,
  );
  return (answer.groups ?? []).map((g) => ({
    id: String(g.id),
    name: typeof g.name === "string" ? g.name : "",
  }));
}
