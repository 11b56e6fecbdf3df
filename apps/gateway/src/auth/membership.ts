import type { CallOptions, ImAdapter } from "@imgraph/core";

/**
 * Whether a user belongs to a group: the adapter's checkGroupMembers, one vendor call. A
 * vendor that cannot tell in one call (ZEGO groups over 1000 members) answers with an
 * error, which refuses the request rather than paging the group.
 */
export async function isMember(
  adapter: ImAdapter,
  groupId: string,
  userId: string,
  options: CallOptions,
): Promise<boolean> {
  const [answer] = await adapter.checkGroupMembers({ groupId, userIds: [userId] }, options);
  if (!answer) return false;
  if (!answer.ok) throw answer.error;
  return answer.value;
}
