/** ZIM user Actions (zego.md §2.2). */
import { ZIM } from "../errors.js";
import { registerIdSubCode } from "../ids.js";
import { bytes, type Params } from "../params.js";
import {
  cursorText,
  type ItemError,
  offsetPage,
  partial,
  sender,
  userIdList,
  userItemList,
} from "./common.js";
import { type ActionContext, type ActionTable, zimAction, zimRate } from "./types.js";

/** Text field of a list item: SubCode 660000002 when not a string. */
function itemText(item: Params, name: string): string | undefined | null {
  const v = item.raw(name);
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : null;
}

function profileSubCode(
  name: string | undefined | null,
  avatar: string | undefined | null,
): number | undefined {
  if (name === null || avatar === null) return ZIM.badParam;
  if (name !== undefined && bytes(name) > 256) return ZIM.userNameTooLong;
  if (avatar !== undefined && bytes(avatar) > 500) return ZIM.avatarTooLong;
  return undefined;
}

function register(ctx: ActionContext, max: number, robots: boolean) {
  const items = userItemList(ctx.p, "UserInfo", max);
  const errors: ItemError[] = [];
  let ok = 0;
  for (const item of items) {
    const id = itemText(item, "UserId");
    if (typeof id !== "string" || id === "") {
      errors.push({
        UserId: typeof id === "string" ? id : "",
        SubCode: ZIM.badParam,
        SubMessage: "UserId is required",
      });
      continue;
    }
    const name = itemText(item, "UserName");
    const avatar = itemText(item, "UserAvatar");
    let sub = registerIdSubCode(id) ?? profileSubCode(name, avatar);
    if (sub === undefined && robots && !id.startsWith("@RBT#")) sub = ZIM.badParam;
    if (sub === undefined && ctx.app.users.has(id)) sub = ZIM.userExists;
    if (sub !== undefined) {
      errors.push({ UserId: id, SubCode: sub, SubMessage: `cannot register ${id}` });
      continue;
    }
    ctx.app.register(id, ctx.now, name ?? "", avatar ?? "");
    ok++;
  }
  return partial(ok, errors, "ErrorList");
}

export const userActions: ActionTable = {
  UserRegister: zimAction(
    "POST",
    (ctx) => register(ctx, 100, false),
    zimRate(20, ZIM.registerRate),
  ),
  /** Bot accounts: ≤ 20 per call, ids start with "@RBT#". */
  RobotRegister: zimAction("POST", (ctx) => register(ctx, 20, true)),

  /**
   * Registered users (UserRegister or a login) → Result, logged-out ones too; others →
   * ErrorList 660000002; none known → Code 660700015 with the list (#15 §16: both unverified).
   */
  QueryUserInfos: zimAction("POST", (ctx) => {
    const ids = userIdList(ctx.p, "UserIds", 100);
    const Result: Record<string, unknown>[] = [];
    const errors: ItemError[] = [];
    for (const id of ids) {
      const user = bytes(id) <= 64 ? ctx.app.users.get(id) : undefined;
      if (!user) {
        errors.push({ UserId: id, SubCode: ZIM.badParam });
        continue;
      }
      Result.push({
        UserId: id,
        UserName: user.userName,
        UserAvatar: user.avatar,
        Extra: user.extra,
      });
    }
    return partial(Result.length, errors, "ErrorList", { Result }, ZIM.userNotRegistered);
  }),

  ModifyUserInfo: zimAction("POST", (ctx) => {
    const items = userItemList(ctx.p, "UserInfo", 100);
    const errors: ItemError[] = [];
    let ok = 0;
    for (const item of items) {
      const id = itemText(item, "UserId");
      if (typeof id !== "string" || id === "") {
        errors.push({ UserId: "", SubCode: ZIM.badParam, SubMessage: "UserId is required" });
        continue;
      }
      const user = ctx.app.users.get(id);
      const name = itemText(item, "UserName");
      const avatar = itemText(item, "UserAvatar");
      const extra = itemText(item, "Extra");
      let sub = user ? profileSubCode(name, avatar) : ZIM.modifyUnregistered;
      if (
        sub === undefined &&
        (extra === null || (extra !== undefined && bytes(extra) > ctx.app.config.extraMaxBytes))
      ) {
        sub = ZIM.badParam;
      }
      if (sub !== undefined || !user) {
        errors.push({
          UserId: id,
          SubCode: sub ?? ZIM.modifyUnregistered,
          SubMessage: `cannot modify ${id}`,
        });
        continue;
      }
      // Only the fields present change (an omitted field keeps its value).
      if (typeof name === "string") user.userName = name;
      if (typeof avatar === "string") user.avatar = avatar;
      if (typeof extra === "string") user.extra = extra;
      ok++;
    }
    return partial(ok, errors, "ErrorList");
  }),

  QueryUserOnlineState: zimAction("GET", (ctx) => {
    const ids = userIdList(ctx.p, "UserId", 100);
    const Result: Record<string, unknown>[] = [];
    const errors: ItemError[] = [];
    for (const id of ids) {
      const presence = ctx.app.users.get(id)?.presence;
      // Unknown, logged-out and never-logged-in users all answer SubCode 660200001 (§2.2);
      // a lost connection (no logout) reads "Offline".
      if (presence === "online" || presence === "offline") {
        Result.push({ UserId: id, Status: presence === "online" ? "Online" : "Offline" });
      } else {
        errors.push({ UserId: id, SubCode: ZIM.onlineUnknown });
      }
    }
    return partial(Result.length, errors, "ErrorList", { Result });
  }),

  QueryGroupsInfoOfUser: zimAction("POST", (ctx) => {
    const user = sender(ctx);
    const limit = ctx.p.int("Limit", { min: 1, max: 100 });
    const next = cursorText(ctx.p, "Next");
    const mine = [...ctx.app.groups.values()].filter((g) => g.members.has(user.userId));
    const { page, Next, TotalCount } = offsetPage(mine, next, limit);
    return {
      NextRsp: String(Next),
      HasJoinGroupNum: TotalCount,
      GroupInfoList: page.map((g) => ({
        GroupId: g.groupId,
        GroupName: g.name,
        GroupAvatar: g.avatar,
      })),
    };
  }),
};
