/** Checks shared by many ZIM Actions. */
import { ZegoError, ZIM } from "../errors.js";
import { idParam } from "../ids.js";
import type { Params } from "../params.js";
import { liveRoom } from "../rooms.js";
import type { Group, Member, User, ZimRoom } from "../state.js";
import { type ActionContext, type ActionDef, type ActionResult, zimAction } from "./types.js";

/** FromUserId (or another operator field) must be a registered user: 660500002 (§2.1). */
export function sender(ctx: ActionContext, name = "FromUserId"): User {
  const id = idParam(ctx.p, name);
  const user = ctx.app.registered(id);
  if (!user) throw new ZegoError(ZIM.senderUnregistered, `${name} ${id} is not registered`);
  return user;
}

/** The ZIM room, or 660300001 (also once an empty room's destroy delay ran out). */
export function zimRoom(ctx: ActionContext, roomId: string): ZimRoom {
  const r = liveRoom(ctx.app, ctx.callbacks, roomId, ctx.now);
  if (!r) throw new ZegoError(ZIM.roomMissing, `room ${roomId} does not exist`);
  return r;
}

export function group(ctx: ActionContext, id: string): Group {
  const g = ctx.app.groups.get(id);
  if (!g) throw new ZegoError(ZIM.groupMissing, `group ${id} does not exist`);
  return g;
}

export function groupIdParam(ctx: ActionContext): string {
  return idParam(ctx.p, "GroupId");
}

/**
 * A ZIM Action by FromUserId on the group GroupId, at APP_20: the sender, then the group,
 * are checked before `handle` reads anything else.
 */
export function groupAction(
  method: ActionDef["method"],
  handle: (ctx: ActionContext, g: Group, op: User) => ActionResult,
): ActionDef {
  return zimAction(method, (ctx) => {
    const op = sender(ctx);
    return handle(ctx, group(ctx, groupIdParam(ctx)), op);
  });
}

/** A required list of at most `max` user ids; a longer one is ZIM.tooManyUsers. */
export function userIdList(p: Params, name: string, max: number): string[] {
  return p.strList(name, { required: true, max, tooManyCode: ZIM.tooManyUsers });
}

/** A required list of at most `max` per-user objects; a longer one is ZIM.tooManyUsers. */
export function userItemList(p: Params, name: string, max: number): Params[] {
  return p.objList(name, { required: true, max, tooManyCode: ZIM.tooManyUsers });
}

export interface ItemError {
  UserId: string;
  SubCode: number;
  SubMessage?: string;
}

/**
 * §1.8: at least one item succeeded → Code 0 with the failure list; every item failed →
 * a non-zero Code (the given one, else the first SubCode) with the list filled.
 */
export function partial(
  okCount: number,
  errors: ItemError[],
  listName: string,
  fields: Record<string, unknown> = {},
  allFailedCode?: number,
): Record<string, unknown> {
  const out = { ...fields, [listName]: errors };
  if (okCount === 0 && errors.length > 0) {
    const code = allFailedCode ?? errors[0]?.SubCode ?? ZIM.badParam;
    throw new ZegoError(code, "the operation failed for every item", out);
  }
  return out;
}

/** Paging cursor as a decimal offset ("0"/absent = first page). */
export function offsetCursor(value: number | undefined): number {
  return value !== undefined && value > 0 ? value : 0;
}

/**
 * The items of `all` from offset `next`, `limit` at most, after the total and the offset of
 * the page after (0 on the last page).
 */
export function offsetPage<T>(all: T[], next: number, limit: number) {
  const page = all.slice(next, next + limit);
  const end = next + page.length;
  return { TotalCount: all.length, Next: end < all.length ? end : 0, page };
}

/** A string cursor ("" first) that we fill with a decimal offset; numbers are tolerated. */
export function cursorText(p: Params, name: string): number {
  const v = p.raw(name);
  if (v === undefined || v === null || v === "") return 0;
  const text = typeof v === "number" ? String(v) : v;
  if (typeof text !== "string" || !/^[0-9]{1,9}$/.test(text))
    throw p.fail(`${name} is not a cursor from a previous page`);
  return offsetCursor(Number(text));
}

/**
 * Changes each listed member of a group in turn: `read` takes one item apart (and may throw
 * for a bad one, at its place in the list), `apply` changes the member. A user who is not
 * a member is an ErrorUsers item (ZIM.notMember); answered as §1.8 says.
 */
export function changeMembers<T>(
  g: Group,
  items: readonly T[],
  read: (item: T) => { userId: string; apply: (m: Member) => void },
): Record<string, unknown> {
  const ErrorUsers: ItemError[] = [];
  let ok = 0;
  for (const item of items) {
    const { userId, apply } = read(item);
    const m = g.members.get(userId);
    if (!m) ErrorUsers.push({ UserId: userId, SubCode: ZIM.notMember });
    else {
      apply(m);
      ok++;
    }
  }
  return partial(ok, ErrorUsers, "ErrorUsers", {}, ZIM.allFailed);
}
