import {
  BadUserInputError,
  checkImportGroup,
  checkText,
  type ImportedMember,
  itemOk,
  maxUtf8Bytes,
} from "@imgraph/core";
import { zimBatch } from "./batch.js";
import { type Op, zim } from "./context.js";
import { GROUP_ID, GROUP_NAME_MAX_CHARS, MEMBERS_PER_INVITE, USER_ID } from "./limits.js";

// A group moved from another system (#17 §G10): CreateGroup with CreateGroupTime, the
// members invited with their EnterGroupTime (100 per call, 1/s per group), then the
// admins set with SetGroupMemberRole. Times are in ms; ZIM reads 0 as "now".

/** The name's byte bound; its character count is checked beside. */
const NAME_MAX_BYTES = maxUtf8Bytes(GROUP_NAME_MAX_CHARS);
const ADMIN = 2;

/** Members in join order (the member list keeps it; the first inherits a removed owner). */
function byJoinTime(members: ImportedMember[], createdAt: number) {
  return members
    .map((m, i) => ({ ...m, at: m.joinedAt?.getTime() ?? createdAt, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
}

export const importGroup: Op<"importGroup"> = async (ctx, input, options) => {
  const checked = checkImportGroup(input, {
    group: GROUP_ID,
    user: USER_ID,
    nameMaxBytes: NAME_MAX_BYTES,
    // The owner counts towards the plan's group size.
    maxMembers: ctx.groupMemberLimit - 1,
  });
  const { id, ownerId, createdAt } = checked;
  const name = checkText("name", checked.name, { maxChars: GROUP_NAME_MAX_CHARS });
  if (id.startsWith("#")) throw new BadUserInputError("id", 'id must not start with "#".');
  const created = createdAt.getTime();
  if (created <= 0) {
    throw new BadUserInputError("createdAt", "createdAt must be after 1970 (ZEGO reads 0 as now).");
  }
  await zim(
    ctx,
    {
      operation: "importGroup",
      action: "CreateGroup",
      method: "POST",
      params: { GroupId: id, GroupName: name, GroupOwner: ownerId, CreateGroupTime: created },
      // With our own id a repeat cannot make a second group.
      idempotent: true,
    },
    options,
  );
  const members = byJoinTime(checked.members, created);
  const at = new Map(members.map((m) => [m.userId, m.at]));
  const joined = await zimBatch<true>(
    ctx,
    members.map((m) => m.userId),
    {
      size: MEMBERS_PER_INVITE,
      concurrency: 1,
      call: (chunk) => ({
        operation: "importGroup",
        action: "InviteUsersIntoGroup",
        method: "POST",
        params: {
          FromUserId: ownerId,
          GroupId: id,
          GroupMemberInfos: chunk.map((UserId) => ({ UserId, EnterGroupTime: at.get(UserId) })),
        },
        idempotent: true,
      }),
      // Users the answer lists as failed are failed items; the others joined.
      ok: (key) => itemOk(key, true as const),
    },
    options,
  );
  const added = new Set(joined.filter((r) => r.ok).map((r) => r.key));
  // Roles have no time: set after the joins, as the owner.
  for (const m of members) {
    if (m.role !== "ADMIN" || !added.has(m.userId)) continue;
    await zim(
      ctx,
      {
        operation: "importGroup",
        action: "SetGroupMemberRole",
        method: "GET",
        params: { FromUserId: ownerId, GroupId: id, ToUserId: m.userId, Role: ADMIN },
        idempotent: true,
      },
      options,
    );
  }
  return { id, name, ownerId, memberCount: 1 + added.size, createdAt };
};
