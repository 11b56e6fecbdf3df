import {
  BadUserInputError,
  type CallOptions,
  checkActor,
  checkGroupUsers,
  checkId,
  checkIds,
  checkText,
  distinct,
  ImError,
  type ItemResult,
  isNotFound,
  itemError,
  itemOk,
  runIdBatches,
  VendorUnavailableError,
} from "@imgraph/core";
import { call, type Op, str, type TencentContext } from "./context.js";
import { itemFailure } from "./errors.js";
import { readGroupInfo, toGroup } from "./group-info.js";
import { rolesInGroup } from "./group-roles.js";
import {
  AUTO_GROUP_ID_PREFIX,
  GROUP_ID,
  GROUP_NAME_MAX_BYTES,
  GROUP_USERS,
  MEMBERS_PER_ADD,
  MEMBERS_PER_CREATE,
  MEMBERS_PER_DELETE,
  USER_ID,
  USERS_PER_ROLE_CHECK,
} from "./limits.js";
import { memberPage } from "./member-page.js";
import { checkMembersInput } from "./members-input.js";

/** Custom group ids: printable ASCII ≤ 48 bytes, not starting with Tencent's `@TGS#`. */
function checkCustomGroupId(field: string, value: unknown): string {
  const id = checkId(field, value, GROUP_ID);
  if (id.startsWith(AUTO_GROUP_ID_PREFIX)) {
    throw new BadUserInputError(field, `${field} must not start with ${AUTO_GROUP_ID_PREFIX}.`);
  }
  return id;
}

function checkGroupName(field: string, value: unknown): string {
  return checkText(field, value, { maxBytes: GROUP_NAME_MAX_BYTES });
}

/**
 * create_group with the owner and up to 100 members (the SDK's cap; more join through
 * add_group_member). Not repeated after a lost answer: a second create would fail (10021)
 * or, without a custom id, make a second group.
 */
export const createGroup: Op<"createGroup"> = async (ctx, input, options) => {
  const groupId = input?.id === undefined ? undefined : checkCustomGroupId("id", input.id);
  const name = checkGroupName("name", input.name);
  const [ownerId] = checkIds("ownerId", [input.ownerId], USER_ID) as [string];
  const memberIds =
    input.memberIds === undefined
      ? []
      : checkIds("memberIds", input.memberIds, USER_ID, { min: 0 });
  const others = distinct(memberIds).filter((m) => m !== ownerId);
  const first = others.slice(0, MEMBERS_PER_CREATE);
  const answer = await call<{ GroupId?: unknown }>(
    ctx,
    "createGroup",
    "group_open_http_svc/create_group",
    {
      Type: ctx.groupType,
      Name: name,
      Owner_Account: ownerId,
      ...(groupId !== undefined ? { GroupId: groupId } : {}),
      MemberList: first.map((Member_Account) => ({ Member_Account })),
    },
    options,
    false,
  );
  const id = str(answer.GroupId) ?? groupId;
  if (!id)
    throw new ImError("VENDOR_UNAVAILABLE", "Tencent created a group without an id.", {
      vendor: "tencent",
    });
  const rest = others.slice(MEMBERS_PER_CREATE);
  if (rest.length > 0) {
    const added = await addMembers(ctx, "createGroup", id, rest, options);
    const failed = added.find((r) => !r.ok);
    if (failed && !failed.ok) throw failed.error;
  }
  return { id, name, ownerId, memberCount: others.length + 1, createdAt: null };
};

/** Null when the group does not exist or was dismissed (10010 / 10015). */
export const getGroup: Op<"getGroup"> = async (ctx, groupId, options) => {
  const id = checkId("groupId", groupId, GROUP_ID);
  let infos: Awaited<ReturnType<typeof readGroupInfo>>;
  try {
    infos = await readGroupInfo(ctx, "getGroup", [id], options);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const info = infos.get(id);
  if (!info) return null;
  const code = Number(info.ErrorCode ?? 0);
  if (code !== 0) {
    const mapped = itemFailure(code, info.ErrorInfo);
    if (mapped.code === "NOT_FOUND") return null;
    throw mapped;
  }
  return toGroup(id, info);
};

/** get_group_member_info pages by Limit/Offset; the cursor carries the next offset. */
export const listGroupMembers: Op<"listGroupMembers"> = (ctx, input, options) =>
  memberPage(ctx, input, options, "listGroupMembers");

// add_group_member's per-member Result (tencent.md §3.6).
const ADDED = 1;
const ALREADY_MEMBER = 2;
const AWAITING_CONFIRMATION = 3;

async function addMembers(
  ctx: TencentContext,
  operation: string,
  groupId: string,
  userIds: string[],
  options?: CallOptions,
): Promise<ItemResult<true>[]> {
  return runIdBatches(ctx, userIds, MEMBERS_PER_ADD, async (chunk) => {
    // A repeat answers "already a member" (Result 2): harmless.
    const answer = await call<{
      MemberList?: Array<{ Member_Account?: unknown; Result?: unknown }>;
    }>(
      ctx,
      operation,
      "group_open_http_svc/add_group_member",
      { GroupId: groupId, MemberList: chunk.map((Member_Account) => ({ Member_Account })) },
      options,
      true,
    );
    const results = new Map(
      (answer.MemberList ?? []).map((m) => [String(m?.Member_Account), Number(m?.Result)]),
    );
    return chunk.map((id) => {
      const result = results.get(id);
      if (result === ADDED || result === ALREADY_MEMBER) return itemOk(id, true as const);
      const why =
        result === AWAITING_CONFIRMATION
          ? `${id} was invited and must accept before joining`
          : `Tencent did not add ${id} to the group`;
      return itemError(id, tencentErrorFor(why, result));
    });
  });
}

function tencentErrorFor(message: string, result: number | undefined): ImError {
  return new ImError("VENDOR_REJECTED", `${message}.`, {
    vendor: "tencent",
    vendorCode: `Result ${result ?? "missing"}`,
  });
}

export const addGroupMembers: Op<"addGroupMembers"> = async (ctx, input, options) => {
  const { groupId, ids } = checkMembersInput(input);
  return addMembers(ctx, "addGroupMembers", groupId, ids, options);
};

/** delete_group_member: non-members in the list succeed too, so a repeat is harmless. */
export const removeGroupMembers: Op<"removeGroupMembers"> = async (ctx, input, options) => {
  const { groupId, ids } = checkMembersInput(input);
  return runIdBatches(ctx, ids, MEMBERS_PER_DELETE, async (chunk) => {
    await call(
      ctx,
      "removeGroupMembers",
      "group_open_http_svc/delete_group_member",
      { GroupId: groupId, MemberToDel_Account: chunk },
      options,
      true,
    );
    return chunk.map((id) => itemOk(id, true as const));
  });
};

export const transferGroupOwnership: Op<"transferGroupOwnership"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  const [newOwner] = checkIds("newOwnerId", [input.newOwnerId], USER_ID) as [string];
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "transferGroupOwnership",
    "group_open_http_svc/change_group_owner",
    { GroupId: groupId, NewOwner_Account: newOwner },
    options,
    true,
  );
};

/** destroy_group; the admin may dismiss any group, so the actor is only checked. */
export const dismissGroup: Op<"dismissGroup"> = async (ctx, input, options) => {
  const groupId = checkId("groupId", input?.groupId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  await call(
    ctx,
    "dismissGroup",
    "group_open_http_svc/destroy_group",
    { GroupId: groupId },
    options,
    true,
  );
};

/** Whether each user is a member (get_role_in_group answers NotMember for the others), in the order asked. */
export const checkGroupMembers: Op<"checkGroupMembers"> = async (ctx, input, options) => {
  const { groupId, userIds: ids } = checkGroupUsers(input, GROUP_USERS, USERS_PER_ROLE_CHECK);
  const roles = await rolesInGroup(ctx, "checkGroupMembers", groupId, ids, options);
  return ids.map((id) => {
    const role = roles.get(id);
    if (typeof role !== "string")
      return itemError(
        id,
        new VendorUnavailableError("tencent", `Tencent gave no role for ${id}.`),
      );
    return itemOk(id, role !== "NotMember");
  });
};
