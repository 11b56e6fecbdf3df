import {
  type CallOptions,
  ForbiddenError,
  type ImAdapter,
  NotFoundError,
  UnauthenticatedError,
} from "@imgraph/core";
import type { Viewer } from "./viewer.js";

/**
 * The one place that decides who may do what. Admins may do everything; an end user acts
 * only as themselves: sends as self, gets a credential for self, manages groups they
 * own, reads their own conversations and groups, reads profiles. Anonymous callers get
 * nothing beyond the schema itself and `viewer`.
 */
export const policy = {
  /** Any authenticated caller, within the app their token is bound to. */
  authenticated(viewer: Viewer, appId: string): void {
    if (viewer.role === "ANONYMOUS") throw new UnauthenticatedError();
    if (viewer.role === "USER" && viewer.appId !== null && viewer.appId !== appId) {
      throw new ForbiddenError(`Your token is for app ${viewer.appId}, not ${appId}.`);
    }
  },

  admin(viewer: Viewer, what: string): void {
    if (viewer.role === "ANONYMOUS") throw new UnauthenticatedError();
    if (viewer.role !== "ADMIN") throw new ForbiddenError(`Only admins may ${what}.`);
  },

  /** The caller is this user (or an admin). */
  self(viewer: Viewer, appId: string, userId: string, what: string): void {
    policy.authenticated(viewer, appId);
    if (viewer.role === "USER" && viewer.userId !== userId) {
      throw new ForbiddenError(`You may only ${what} as yourself.`);
    }
  },

  /** The caller owns the group (or is an admin). Vendors without group owners: admins only. */
  async groupOwner(
    viewer: Viewer,
    adapter: ImAdapter,
    groupId: string,
    what: string,
    options: CallOptions,
  ): Promise<void> {
    policy.authenticated(viewer, adapter.info.id);
    if (viewer.role === "ADMIN") return;
    const group = await adapter.getGroup(groupId, options);
    if (!group) throw new NotFoundError(`Group ${groupId} does not exist.`);
    if (group.ownerId === null) {
      throw new ForbiddenError(`Only admins may ${what}: this vendor keeps no group owner.`);
    }
    if (viewer.role === "USER" && group.ownerId !== viewer.userId) {
      throw new ForbiddenError(`Only the group's owner may ${what}.`);
    }
  },

  /** The caller is a member of the group (or an admin). */
  async groupMember(
    viewer: Viewer,
    adapter: ImAdapter,
    groupId: string,
    options: CallOptions,
  ): Promise<void> {
    policy.authenticated(viewer, adapter.info.id);
    if (viewer.role !== "USER") return;
    if (!(await isMember(adapter, groupId, viewer.userId, options))) {
      throw new ForbiddenError("You may only read groups you belong to.");
    }
  },
};

/** Pages through a group's members looking for one user (bounded). */
export async function isMember(
  adapter: ImAdapter,
  groupId: string,
  userId: string,
  options: CallOptions,
): Promise<boolean> {
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result: Awaited<ReturnType<ImAdapter["listGroupMembers"]>> =
      await adapter.listGroupMembers({ groupId, limit: adapter.limits.pageSize, cursor }, options);
    if (result.items.some((m) => m.userId === userId)) return true;
    if (!result.nextCursor) return false;
    cursor = result.nextCursor;
  }
  return false;
}
