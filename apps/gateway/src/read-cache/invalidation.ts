import type { OperationInput, OperationName } from "@imgraph/core";
import type { Stale } from "./read-cache.js";

type Rule<N extends OperationName> = (input: OperationInput<N>) => Stale;

/**
 * The writes that change a cached profile or group's info, and which ones they change
 * (member writes change a group's member count; a new owner its owner).
 */
const STALE_AFTER: { [N in OperationName]?: Rule<N> } = {
  registerUsers: (users) => ({ users: users.map((u) => u.id) }),
  updateUser: (update) => ({ users: [update.id] }),
  deleteUsers: (ids) => ({ users: ids }),
  updateGroupProfile: (input) => ({ groups: [input.groupId] }),
  addGroupMembers: (input) => ({ groups: [input.groupId] }),
  removeGroupMembers: (input) => ({ groups: [input.groupId] }),
  transferGroupOwnership: (input) => ({ groups: [input.groupId] }),
  dismissGroup: (input) => ({ groups: [input.groupId] }),
  muteGroup: (input) => ({ groups: [input.groupId] }),
  createGroup: (input) => (input.id ? { groups: [input.id] } : {}),
  importGroup: (input) => ({ groups: [input.id] }),
};

/** What a write made stale (nothing for writes that touch no cached read). */
export function staleAfter<N extends OperationName>(name: N, input: OperationInput<N>): Stale {
  const rule = STALE_AFTER[name] as Rule<N> | undefined;
  return rule ? rule(input) : {};
}
