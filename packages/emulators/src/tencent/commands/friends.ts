/**
 * Friends, service sns (docs/vendors/tencent.md "Social graph and user depth" §1–8):
 * friend_add, friend_import, friend_update, friend_delete, friend_delete_all, friend_get,
 * friend_get_list, friend_check. A friendship is a row per direction; `Both` calls write or
 * remove both rows.
 */
import { SNS_CODES, TimError } from "../errors.js";
import { isObject, type Json } from "../fields.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { Account, AppState } from "../state.js";
import {
  ADD_WORDING_MAX_BYTES,
  addSourceProblem,
  checkCustomTag,
  FRIEND_CAP,
  FRIEND_LISTS_MAX,
  GROUP,
  type ItemCode,
  isCustomTag,
  itemAnswer,
  listCount,
  listNamesProblem,
  newRow,
  OK,
  owner,
  ownerAndTargets,
  pairCallback,
  RELATIONS,
  REMARK,
  REMARK_MAX_BYTES,
  relationItems,
  rowValue,
  SNS_BATCH,
  SNS_VALUE_MAX_BYTES,
  STANDARD_TAGS,
  setLists,
  textProblem,
  valueItems,
} from "./sns-items.js";

/** friend_get_list: at most 100 accounts a call (the old cn page: "must not exceed 100"). */
const GET_LIST_MAX = 100;
/** friend_get's page size is the server's choice (unverified): 100. */
const GET_PAGE = 100;

type Pair = { From_Account: string; To_Account: string };

function oneOf(ctx: RouteContext, name: string, values: string[], fallback?: string): string {
  const v = ctx.f.optStr(name) ?? fallback;
  if (v === undefined || !values.includes(v)) ctx.f.fail(`${name} must be ${values.join(" or ")}`);
  return v;
}

/**
 * DeleteType: Delete_Type_Single (From_Account's rows only) or Delete_Type_Both. Single is
 * friend_delete_all's documented default; friend_delete documents none (unverified: Single).
 */
function deletesBoth(ctx: RouteContext): boolean {
  const single = "Delete_Type_Single";
  return oneOf(ctx, "DeleteType", [single, "Delete_Type_Both"], single) === "Delete_Type_Both";
}

function bump(acc: Account, custom = false): void {
  acc.friendSeq++;
  if (custom) acc.friendCustomSeq++;
}

/** The peer's consent rule (Tag_Profile_IM_AllowType); unset = NeedConfirm (unverified). */
function consent(peer: Account): ItemCode {
  const allow = peer.profile.get("Tag_Profile_IM_AllowType");
  if (allow === "AllowType_Type_AllowAny") return OK;
  if (allow === "AllowType_Type_DenyAny") return [30516, "Err_SNS_FriendAdd_Peer_Deny_Any"];
  return [30539, "Err_SNS_FriendAdd_Need_Confirm"];
}

/**
 * The field checks an AddFriendItem of friend_add and of friend_import share, in order:
 * AddSource, Remark, AddWording, then the list names `groups` when GroupName is given.
 */
function addItemProblem(
  app: AppState,
  item: Json,
  groups: unknown,
  invalid: string,
): ItemCode | undefined {
  return (
    addSourceProblem(item.AddSource, invalid) ??
    textProblem(app, item.Remark, REMARK_MAX_BYTES, invalid) ??
    textProblem(app, item.AddWording, ADD_WORDING_MAX_BYTES, invalid) ??
    (item.GroupName === undefined ? undefined : listNamesProblem(groups, invalid))
  );
}

function addFriend(ctx: RouteContext, from: Account, item: Json, both: boolean, force: boolean) {
  const { app, now } = ctx;
  const to = item.To_Account as string;
  const invalid = "Err_SNS_FriendAdd_Invalid_Param";
  // GroupName: one list name here (an array in friend_import).
  const bad = addItemProblem(app, item, [item.GroupName], invalid);
  if (bad) return { code: bad };
  // No documented code for adding oneself: the name is the emulator's (unverified).
  if (to === from.userId) return { code: [30001, "Err_SNS_FriendAdd_Add_Self"] as ItemCode };
  const peer = app.accounts.get(to);
  if (!peer) return { code: [30003, "Err_SNS_FriendAdd_Account_Not_Exist"] as ItemCode };
  if (from.profile.get("Tag_Profile_IM_AdminForbidType") === "AdminForbid_Type_SendOut") {
    return { code: [30009, "Err_SNS_FriendAdd_Forbidden"] as ItemCode };
  }
  const needMine = !from.friends.has(to);
  const needTheirs = both && !peer.friends.has(from.userId);
  if (!needMine && !needTheirs) {
    return { code: [30001, "Err_SNS_FriendAdd_Friend_Exist"] as ItemCode };
  }
  // Force-add is not taken to bypass blocklists (unverified).
  if (from.blacklist.has(to))
    return { code: [30515, "Err_SNS_FriendAdd_In_My_Black_List"] as ItemCode };
  if (peer.blacklist.has(from.userId)) {
    return { code: [30525, "Err_SNS_FriendAdd_In_Peer_Black_List"] as ItemCode };
  }
  if (!force) {
    const c = consent(peer);
    if (c[0] !== 0) return { code: c };
  }
  if (needMine && from.friends.size >= FRIEND_CAP) {
    return { code: [30010, "Err_SNS_FriendAdd_My_Friend_Num_Exceed_Threshold"] as ItemCode };
  }
  if (needTheirs && peer.friends.size >= FRIEND_CAP) {
    return { code: [30014, "Err_SNS_FriendAdd_Peer_Friend_Num_Exceed_Threshold"] as ItemCode };
  }
  const groups = typeof item.GroupName === "string" ? [item.GroupName] : [];
  if (needMine && listCount(from, groups) > FRIEND_LISTS_MAX) {
    return { code: [30011, "Err_SNS_FriendAdd_Group_Num_Exceed_Threshold"] as ItemCode };
  }
  const pairs: Pair[] = [];
  if (needMine) {
    const row = newRow(now, item.AddSource as string);
    if (typeof item.Remark === "string" && item.Remark !== "") {
      row.remark = item.Remark;
      row.remarkTime = now;
    }
    if (typeof item.AddWording === "string") row.addWording = item.AddWording;
    setLists(from, row, groups);
    from.friends.set(to, row);
    bump(from);
    pairs.push({ From_Account: from.userId, To_Account: to });
  }
  if (needTheirs) {
    // The peer's row: made by the same add, without the adder's remark or list.
    peer.friends.set(from.userId, newRow(now, item.AddSource as string));
    bump(peer);
    pairs.push({ From_Account: to, To_Account: from.userId });
  }
  return { code: OK, pairs };
}

function importFriend(app: AppState, now: number, from: Account, item: Json): ItemCode {
  const to = item.To_Account as string;
  const invalid = "Err_SNS_FriendImport_Invalid_Param";
  const bad = addItemProblem(app, item, item.GroupName, invalid);
  if (bad) return bad;
  for (const name of ["AddTime", "RemarkTime"]) {
    const t = item[name];
    if (t !== undefined && (typeof t !== "number" || !Number.isInteger(t) || t < 0))
      return [30001, invalid];
  }
  if (to === from.userId) return [30001, "Err_SNS_FriendImport_Add_Self"];
  if (!app.accounts.has(to)) return [30003, "Err_SNS_FriendImport_Account_Not_Exist"];
  const existing = from.friends.get(to);
  if (!existing && from.friends.size >= FRIEND_CAP) {
    return [30010, "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold"];
  }
  const groups = (item.GroupName as string[] | undefined) ?? [];
  if (listCount(from, groups) > FRIEND_LISTS_MAX) {
    return [30011, "Err_SNS_FriendImport_Group_Num_Exceed_Threshold"];
  }
  // Importing over an existing row replaces it (unverified); AddTime omitted = now.
  const row = newRow((item.AddTime as number | undefined) || now, item.AddSource as string);
  row.remark = (item.Remark as string | undefined) ?? "";
  row.remarkTime = (item.RemarkTime as number | undefined) ?? (row.remark ? now : 0);
  row.addWording = (item.AddWording as string | undefined) ?? "";
  setLists(from, row, groups);
  for (const c of (item.CustomItem as Json[] | undefined) ?? []) {
    row.custom.set(c.Tag as string, String(c.Value));
  }
  from.friends.set(to, row);
  bump(from, true);
  return OK;
}

/** Custom items of an import or SnsItems of an update: tags checked for the whole call. */
function checkItems(app: AppState, list: unknown, name: string, allowStandard: boolean): void {
  if (list === undefined && !allowStandard) return;
  if (!Array.isArray(list) || (allowStandard && list.length === 0)) {
    throw new TimError(30001, `${name} must be a non-empty array of {Tag, Value}`);
  }
  for (const it of list) {
    if (!isObject(it) || typeof it.Tag !== "string" || it.Value === undefined) {
      throw new TimError(30001, `${name} items need Tag and Value`);
    }
    if (allowStandard && (it.Tag === REMARK || it.Tag === GROUP)) continue;
    // Only the remark, the lists and custom fields may be written.
    if (!isCustomTag(it.Tag)) throw new TimError(30001, `${it.Tag} cannot be written`);
    checkCustomTag(app, it.Tag);
  }
}

/**
 * friend_import and friend_update: From_Account's table, then the `list` items with the tags
 * of their `tags` field checked for the whole call, then `write` answers each To_Account.
 */
function writeEach(
  { app, f, now }: RouteContext,
  list: string,
  tags: string,
  allowStandard: boolean,
  write: (app: AppState, now: number, from: Account, item: Json) => ItemCode,
) {
  const from = owner(app, f.str("From_Account"));
  const items = f.objArray(list, "To_Account", SNS_BATCH);
  for (const item of items) checkItems(app, item[tags], tags, allowStandard);
  return itemAnswer(
    items.map((it) => it.To_Account as string),
    (_, i) => write(app, now, from, items[i] as Json),
  );
}

function updateFriend(app: AppState, now: number, from: Account, item: Json): ItemCode {
  const to = item.To_Account as string;
  const invalid = "Err_SNS_FriendUpdate_Invalid_Param";
  if (!app.accounts.has(to)) return [30003, "Err_SNS_FriendUpdate_Account_Not_Exist"];
  const row = from.friends.get(to);
  // Not a friend: 30001 (FAQ); the ResultInfo is the emulator's (unverified).
  if (!row) return [30001, "Err_SNS_FriendUpdate_Not_Friend"];
  const items = item.SnsItem as { Tag: string; Value: unknown }[];
  for (const { Tag, Value } of items) {
    const bad =
      Tag === REMARK
        ? textProblem(app, Value, REMARK_MAX_BYTES, invalid)
        : Tag === GROUP
          ? Array.isArray(Value) && Value.length === 0
            ? undefined
            : listNamesProblem(Value, invalid)
          : textProblem(app, Value, SNS_VALUE_MAX_BYTES, invalid);
    if (bad) return bad;
  }
  const groups = items.find((i) => i.Tag === GROUP)?.Value as string[] | undefined;
  if (groups && listCount(from, groups) > FRIEND_LISTS_MAX) {
    return [30011, "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold"];
  }
  let custom = false;
  for (const { Tag, Value } of items) {
    if (Tag === REMARK) {
      row.remark = Value as string;
      row.remarkTime = now;
    } else if (Tag === GROUP) {
      // The full array replaces the lists (unverified: replace, not merge); a list named
      // for the first time is created (unverified).
      setLists(from, row, Value as string[]);
    } else {
      row.custom.set(Tag, Value as string);
      custom = true;
    }
  }
  bump(from, custom);
  return OK;
}

/** Removes the rows a delete names; the pairs removed. */
function unfriend(from: Account, peer: Account | undefined, to: string, both: boolean): Pair[] {
  const pairs: Pair[] = [];
  if (from.friends.delete(to)) {
    bump(from, true);
    pairs.push({ From_Account: from.userId, To_Account: to });
  }
  if (both && peer?.friends.delete(from.userId)) {
    bump(peer, true);
    pairs.push({ From_Account: to, To_Account: from.userId });
  }
  return pairs;
}

export const friendRoutes: RouteTable = {
  "v4/sns/friend_add": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app, f } = ctx;
      const from = owner(app, f.str("From_Account"));
      const items = f.objArray("AddFriendItem", "To_Account", SNS_BATCH);
      const both =
        oneOf(ctx, "AddType", ["Add_Type_Both", "Add_Type_Single"], "Add_Type_Both") ===
        "Add_Type_Both";
      const force = f.optInt("ForceAddFlags", undefined, 1) === 1;
      const pairs: Pair[] = [];
      const answer = itemAnswer(
        items.map((i) => i.To_Account as string),
        (_, i) => {
          const r = addFriend(ctx, from, items[i] as Json, both, force);
          if (r.pairs) pairs.push(...r.pairs);
          return r.code;
        },
      );
      // One callback per request, one pair per row created (unverified grouping).
      pairCallback(
        ctx,
        "Sns.CallbackFriendAdd",
        pairs.map((p) => ({ ...p, Initiator_Account: from.userId })),
        { ClientCmd: "friend_add", Admin_Account: ctx.admin, ForceFlag: force ? 1 : 0 },
      );
      return answer;
    },
  },
  // friend_import fires no Sns.CallbackFriendAdd.
  "v4/sns/friend_import": {
    codes: SNS_CODES,
    handle: (ctx) => writeEach(ctx, "AddFriendItem", "CustomItem", false, importFriend),
  },
  "v4/sns/friend_update": {
    codes: SNS_CODES,
    handle: (ctx) => writeEach(ctx, "UpdateItem", "SnsItem", true, updateFriend),
  },
  "v4/sns/friend_delete": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app } = ctx;
      const { from, targets } = ownerAndTargets(ctx);
      const both = deletesBoth(ctx);
      const pairs: Pair[] = [];
      const answer = itemAnswer(targets, (to): ItemCode => {
        const peer = app.accounts.get(to);
        if (!peer) return [30003, "Err_SNS_FriendDelete_Account_Not_Exist"];
        const removed = unfriend(from, peer, to, both);
        if (removed.length === 0) return [31704, "Err_SNS_FriendDelete_Not_Friend"];
        pairs.push(...removed);
        return OK;
      });
      pairCallback(ctx, "Sns.CallbackFriendDelete", pairs);
      return answer;
    },
  },
  "v4/sns/friend_delete_all": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app, f } = ctx;
      const from = owner(app, f.str("From_Account"));
      const both = deletesBoth(ctx);
      const pairs: Pair[] = [];
      for (const to of [...from.friends.keys()]) {
        pairs.push(...unfriend(from, app.accounts.get(to), to, both));
      }
      // Whether delete_all calls back is unverified: one callback with every pair.
      pairCallback(ctx, "Sns.CallbackFriendDelete", pairs);
      return undefined;
    },
  },
  "v4/sns/friend_get": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const from = owner(app, f.str("From_Account"));
      const start = f.int("StartIndex");
      const standardSeq = f.optInt("StandardSequence") ?? 0;
      const customSeq = f.optInt("CustomSequence") ?? 0;
      // The caller's sequence equal to ours: that data is unchanged, so it is left out.
      const standard = standardSeq === 0 || standardSeq !== from.friendSeq;
      const custom = customSeq === 0 || customSeq !== from.friendCustomSeq;
      const rows = [...from.friends].sort(
        ([a, x], [b, y]) => x.addTime - y.addTime || (a < b ? -1 : a > b ? 1 : 0),
      );
      const page = rows.slice(start, start + GET_PAGE);
      const next = start + page.length;
      const complete = next >= rows.length;
      return {
        UserDataItem: page.map(([To_Account, row]) => ({
          To_Account,
          ValueItem: valueItems(row, standard, custom),
        })),
        StandardSequence: from.friendSeq,
        CustomSequence: from.friendCustomSeq,
        FriendNum: rows.length,
        CompleteFlag: complete ? 1 : 0,
        NextStartIndex: complete ? 0 : next,
      };
    },
  },
  "v4/sns/friend_get_list": {
    codes: SNS_CODES,
    handle({ app, f }) {
      const from = owner(app, f.str("From_Account"));
      const targets = f.strArray("To_Account", GET_LIST_MAX);
      const tags = f.strArray("TagList", SNS_BATCH);
      for (const tag of tags) {
        if (isCustomTag(tag)) checkCustomTag(app, tag);
        else if (!STANDARD_TAGS.includes(tag) && !/^Tag_Profile_(IM|Custom)_\w+$/.test(tag))
          throw new TimError(30001, `Invalid field: ${tag}`);
      }
      const InfoItem: Json[] = [];
      const Fail_Account: string[] = [];
      for (const to of targets) {
        const peer = app.accounts.get(to);
        const row = from.friends.get(to);
        if (!peer || !row) {
          Fail_Account.push(to);
          InfoItem.push(
            peer
              ? { To_Account: to, ResultCode: 31211, ResultInfo: "SNS_FRD_GET_LIST_FRD_NO_EXIST" }
              : { To_Account: to, ResultCode: 30003, ResultInfo: "Err_SNS_Account_Not_Exist" },
          );
          continue;
        }
        const SnsProfileItem = tags.flatMap((Tag) => {
          const Value = Tag.startsWith("Tag_Profile_") ? peer.profile.get(Tag) : rowValue(row, Tag);
          return Value === undefined ? [] : [{ Tag, Value }];
        });
        InfoItem.push({ To_Account: to, SnsProfileItem, ResultCode: 0, ResultInfo: "" });
      }
      return { InfoItem, ...(Fail_Account.length > 0 ? { Fail_Account } : {}) };
    },
  },
  "v4/sns/friend_check": {
    codes: SNS_CODES,
    handle(ctx) {
      const { app } = ctx;
      const { from, targets } = ownerAndTargets(ctx);
      const both =
        oneOf(ctx, "CheckType", ["CheckResult_Type_Single", "CheckResult_Type_Both"]) ===
        "CheckResult_Type_Both";
      // An unknown account is simply no relation (unverified): a check, not an error.
      const has = (acc: Account, other: string) => acc.friends.has(other);
      return { InfoItem: relationItems(app, from, targets, both, has, RELATIONS.friend) };
    },
  },
};

/** Blocking drops the friendship rows both ways (relationship model). */
export function dropFriendship(app: AppState, acc: Account, other: string): void {
  unfriend(acc, app.accounts.get(other), other, true);
}
