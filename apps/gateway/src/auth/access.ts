import {
  type AccessRule,
  type CallOptions,
  ForbiddenError,
  type ImAdapter,
  isNotFound,
  OPERATIONS,
  type OperationName,
} from "@imgraph/core";
import { policy } from "./policy.js";
import type { Viewer } from "./viewer.js";

/** What a rule needs beyond the viewer and the input: the app, and vendor reads. */
export interface AccessContext {
  viewer: Viewer;
  adapter: ImAdapter;
  options: CallOptions;
  /** Whether a user belongs to a group, in at most one vendor call. */
  isMember(
    adapter: ImAdapter,
    groupId: string,
    userId: string,
    options: CallOptions,
  ): Promise<boolean>;
}

/**
 * The policy of one declared operation (OPERATIONS[name].access), for one call: the caller
 * is authenticated for the app, then admins pass and an end user must satisfy every rule
 * that applies. Rules read the input at their paths; a path ending in "?" applies only when
 * its value is present, any other path must be present.
 */
export async function authorize(
  access: AccessContext,
  name: OperationName,
  input: unknown,
): Promise<void> {
  const { viewer, adapter } = access;
  policy.authenticated(viewer, adapter.info.id);
  if (viewer.role !== "USER") return;
  const declared = OPERATIONS[name];
  const rules = (
    Array.isArray(declared.access) ? declared.access : [declared.access]
  ) as AccessRule[];
  for (const rule of rules) await checkRule(access, viewer, rule, input, declared.action);
}

async function checkRule(
  access: AccessContext,
  viewer: Extract<Viewer, { role: "USER" }>,
  rule: AccessRule,
  input: unknown,
  action: string,
): Promise<void> {
  if (rule === "anyone") return;
  if (rule === "admin") throw new ForbiddenError(`Only admins may ${action}.`);
  const [kind, path] = Object.entries(rule)[0] as [keyof Exclude<AccessRule, string>, string];
  const value = at(input, path);
  if (value === undefined) {
    if (path.endsWith("?")) return;
    throw new ForbiddenError(`Only admins may ${action}.`);
  }
  const id = String(value);
  switch (kind) {
    case "self":
      if (id !== viewer.userId) throw new ForbiddenError(`You may only ${action} as yourself.`);
      return;
    case "groupOwner": {
      // One answer for a missing group, an ownerless one and someone else's: end users
      // cannot probe which groups exist.
      const group = await access.adapter.getGroup(id, access.options);
      if (!group || group.ownerId !== viewer.userId) {
        throw new ForbiddenError(
          `Only the group's owner may ${action} (only admins, where the vendor keeps no owner).`,
        );
      }
      return;
    }
    case "groupAdmin":
      return checkGroupAdmin(access, viewer.userId, id, action);
    case "groupMember":
      if (!(await access.isMember(access.adapter, id, viewer.userId, access.options)))
        throw new ForbiddenError(`Only the group's members may ${action}.`);
      return;
    case "sender": {
      const described = access.adapter.describeMessageId?.(id);
      if (!described) throw new ForbiddenError(`Only admins may ${action} in this app.`);
      if (described.senderId !== viewer.userId)
        throw new ForbiddenError(`You may only ${action} you sent.`);
      return;
    }
    case "liveRoomOwner": {
      // As for groups: one answer whether the room is missing, ownerless or someone else's.
      const room = await access.adapter.getLiveRoom({ roomId: id }, access.options);
      if (!room || room.ownerId !== viewer.userId) {
        throw new ForbiddenError(
          `Only the live room's owner may ${action} (only admins, where the vendor keeps no owner).`,
        );
      }
      return;
    }
    case "participant": {
      const described = access.adapter.describeMessageId?.(id);
      if (!described) throw new ForbiddenError(`Only admins may ${action} in this app.`);
      const { senderId, conversation } = described;
      if (senderId === viewer.userId) return;
      // A one-to-one message's conversation is named as its sender sees it: the recipient.
      if (conversation.type === "USER" && conversation.id === viewer.userId) return;
      if (
        conversation.type === "GROUP" &&
        (await access.isMember(access.adapter, conversation.id, viewer.userId, access.options))
      )
        return;
      throw new ForbiddenError(`Only the message's conversation may ${action}.`);
    }
  }
}

/**
 * The caller owns the group or is one of its admins: one role read where the vendor has it
 * (getGroupMemberRoles), else the owner from the group's profile.
 */
async function checkGroupAdmin(
  access: AccessContext,
  userId: string,
  groupId: string,
  action: string,
): Promise<void> {
  const { adapter, options } = access;
  const rolesRead = adapter.operations.some((o) => o.name === "getGroupMemberRoles" && o.supported);
  if (rolesRead) {
    // A group that does not exist (answered per item or for the whole call) is refused like
    // one the caller has no role in: end users cannot probe which groups exist.
    let role: Awaited<ReturnType<ImAdapter["getGroupMemberRoles"]>>[number] | undefined;
    try {
      [role] = await adapter.getGroupMemberRoles({ groupId, userIds: [userId] }, options);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (role?.ok && (role.value === "OWNER" || role.value === "ADMIN")) return;
    if (role && !role.ok && !isNotFound(role.error)) throw role.error;
    throw new ForbiddenError(`Only the group's owner and admins may ${action}.`);
  }
  const group = await adapter.getGroup(groupId, options);
  if (group?.ownerId !== userId) {
    throw new ForbiddenError(`Only the group's owner (admins are not kept here) may ${action}.`);
  }
}

/** The value at a dotted path ("" is the input itself; a trailing "?" is ignored). */
function at(input: unknown, path: string): unknown {
  const clean = path.endsWith("?") ? path.slice(0, -1) : path;
  if (clean === "") return input ?? undefined;
  let value: unknown = input;
  for (const key of clean.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? undefined;
}
