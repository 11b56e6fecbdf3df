import { type CallOptions, type ImAdapter, isNotFound } from "@imgraph/core";

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
  // A group that does not exist has no members (the vendor answers so per item or for the
  // whole call): the caller is refused like a non-member, so end users cannot probe which
  // groups exist.
  let answers: Awaited<ReturnType<ImAdapter["checkGroupMembers"]>>;
  try {
    answers = await adapter.checkGroupMembers({ groupId, userIds: [userId] }, options);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
  const [answer] = answers;
  if (!answer || (!answer.ok && isNotFound(answer.error))) return false;
  if (!answer.ok) throw answer.error;
  return answer.value;
}
