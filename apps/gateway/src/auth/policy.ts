import { ForbiddenError, UnauthenticatedError } from "@imgraph/core";
import type { Viewer } from "./viewer.js";

/**
 * Who may use an app at all. What each operation asks beyond this is declared with the
 * operation (OPERATIONS[name].access in core) and evaluated by auth/access.ts: admins may do
 * everything; an end user acts only as themselves. Anonymous callers get nothing beyond the
 * schema itself and `viewer`.
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
};
