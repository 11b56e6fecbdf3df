/** Accounts, service im_open_login_svc (tencent.md §3.1). */
import { ACCOUNT_CODES, TimError } from "../errors.js";
import { type Json, utf8Bytes } from "../fields.js";
import { endSessions } from "../presence.js";
import type { RouteContext, RouteTable } from "../route.js";
import { type AppState, newAccount } from "../state.js";

const MAX_USERID_BYTES = 32;
const MAX_PROFILE_BYTES = 500;
const TRIAL_ACCOUNT_CAP = 100;
/** Paid editions refuse re-importing a deleted account for 3 months (§3.1). */
const REIMPORT_BLOCK_SECONDS = 90 * 86_400;
const BATCH = 100;

interface ImportItem {
  userId: string;
  nick?: string | undefined;
  faceUrl?: string | undefined;
}

/** Import or update one account; throws TimError with the reason when it cannot. */
export function importAccount(app: AppState, item: ImportItem, now: number): void {
  const { userId } = item;
  if (userId === "" || utf8Bytes(userId) > MAX_USERID_BYTES) {
    throw new TimError(70402, `UserID must be 1-${MAX_USERID_BYTES} bytes`);
  }
  for (const v of [item.nick, item.faceUrl]) {
    if (v !== undefined && utf8Bytes(v) > MAX_PROFILE_BYTES) {
      throw new TimError(40601, `profile value over ${MAX_PROFILE_BYTES} bytes`);
    }
  }
  let acc = app.accounts.get(userId);
  if (!acc) {
    const deletedAt = app.deleted.get(userId);
    if (
      app.config.edition !== "trial" &&
      deletedAt !== undefined &&
      now - deletedAt < REIMPORT_BLOCK_SECONDS
    ) {
      throw new TimError(70399, `${userId} was deleted and cannot be re-imported yet`);
    }
    if (app.config.edition === "trial" && app.accounts.size >= TRIAL_ACCOUNT_CAP) {
      throw new TimError(70398, `trial edition allows ${TRIAL_ACCOUNT_CAP} accounts`);
    }
    acc = newAccount(userId, now);
    app.accounts.set(userId, acc);
    app.deleted.delete(userId);
  }
  // Re-import is idempotent; given Nick/FaceUrl update the profile (tolerant for account_import).
  if (item.nick !== undefined) acc.profile.set("Tag_Profile_IM_Nick", item.nick);
  if (item.faceUrl !== undefined) acc.profile.set("Tag_Profile_IM_Image", item.faceUrl);
}

/** Removes an account with its profile, relations, memberships and sessions. */
export function deleteAccount(ctx: RouteContext, userId: string): void {
  const { app, now } = ctx;
  const acc = app.accounts.get(userId);
  if (!acc) return;
  endSessions(ctx.callbacks, app, acc, "Logout", "Unregister");
  app.accounts.delete(userId);
  app.deleted.set(userId, now);
  for (const other of app.accounts.values()) {
    other.blacklist.delete(userId);
    other.friends.delete(userId);
  }
  for (const g of app.groups.values()) {
    g.members.delete(userId);
    if (g.owner === userId) g.owner = "";
  }
}

function optText(o: Json, name: string): string | undefined {
  const v = o[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new TimError(70402, `${name} must be a string`);
  return v;
}

export const accountRoutes: RouteTable = {
  "v4/im_open_login_svc/account_import": {
    codes: ACCOUNT_CODES,
    handle({ app, f, now }) {
      // Very old SDKs sent Identifier instead of UserID.
      const userId = f.str(f.pick("UserID", "Identifier"));
      importAccount(app, { userId, nick: f.optStr("Nick"), faceUrl: f.optStr("FaceUrl") }, now);
      return undefined;
    },
  },
  "v4/im_open_login_svc/multiaccount_import": {
    codes: ACCOUNT_CODES,
    rules: [{ limit: 100, window: "second" }],
    handle({ app, f, now }) {
      const items: ImportItem[] = f.has("AccountList")
        ? f.objArray("AccountList", "UserID", BATCH).map((o) => ({
            userId: o.UserID as string,
            nick: optText(o, "Nick"),
            faceUrl: optText(o, "FaceUrl"),
          }))
        : f.strArray("Accounts", BATCH).map((userId) => ({ userId }));
      const FailAccounts: string[] = [];
      for (const item of items) {
        try {
          importAccount(app, item, now);
        } catch (err) {
          if (!(err instanceof TimError)) throw err;
          FailAccounts.push(item.userId);
        }
      }
      return { FailAccounts };
    },
  },
  "v4/im_open_login_svc/account_delete": {
    codes: ACCOUNT_CODES,
    handle(ctx) {
      const items = ctx.f.objArray("DeleteItem", "UserID", BATCH);
      const ResultItem = items.map((o) => {
        const UserID = o.UserID as string;
        if (!ctx.app.accounts.has(UserID)) {
          return {
            UserID,
            ResultCode: 70107,
            ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist",
          };
        }
        deleteAccount(ctx, UserID);
        return { UserID, ResultCode: 0, ResultInfo: "" };
      });
      return { ResultItem };
    },
  },
  "v4/im_open_login_svc/account_check": {
    codes: ACCOUNT_CODES,
    rules: [{ limit: 100, window: "second" }],
    handle({ app, f }) {
      const ResultItem = f.objArray("CheckItem", "UserID", BATCH).map((o) => ({
        UserID: o.UserID,
        ResultCode: 0,
        ResultInfo: "",
        AccountStatus: app.accounts.has(o.UserID as string) ? "Imported" : "NotImported",
      }));
      return { ResultItem };
    },
  },
  "v4/im_open_login_svc/kick": {
    codes: ACCOUNT_CODES,
    handle(ctx) {
      const userId = ctx.f.str("UserID");
      const acc = ctx.app.accounts.get(userId);
      if (!acc) throw new TimError(70107, `${userId} is not imported`);
      // UserSigs issued before this second stop working (70052); new ones work.
      acc.sigInvalidBefore = ctx.now;
      // Kick as Logout/Unregister: the exact Action/Reason pair is unverified.
      endSessions(ctx.callbacks, ctx.app, acc, "Logout", "Unregister");
      return undefined;
    },
  },
};
