/**
 * What the sns (relationship chain) commands share: the account a request names, friend
 * fields and their rules, per-item answers and callbacks (docs/vendors/tencent.md, "Social
 * graph and user depth", relationship model).
 */
import { TimError } from "../errors.js";
import { utf8Bytes } from "../fields.js";
import type { RouteContext } from "../route.js";
import type { Account, AppState, FriendRow } from "../state.js";

/** Most sns batch fields take at most 1000 accounts a call. */
export const SNS_BATCH = 1_000;
/** A friend table holds at most 3000 friends. */
export const FRIEND_CAP = 3_000;
/** A user keeps at most 32 friend lists, each named in 1-30 bytes. */
export const FRIEND_LISTS_MAX = 32;
export const FRIEND_LIST_NAME_MAX_BYTES = 30;
export const REMARK_MAX_BYTES = 96;
export const ADD_WORDING_MAX_BYTES = 256;
/** Relationship field values: at most 500 bytes. */
export const SNS_VALUE_MAX_BYTES = 500;

export const REMARK = "Tag_SNS_IM_Remark";
export const GROUP = "Tag_SNS_IM_Group";
export const ADD_SOURCE = "Tag_SNS_IM_AddSource";
export const ADD_WORDING = "Tag_SNS_IM_AddWording";
export const ADD_TIME = "Tag_SNS_IM_AddTime";
export const REMARK_TIME = "Tag_SNS_IM_RemarkTime";
export const STANDARD_TAGS = [GROUP, REMARK, ADD_SOURCE, ADD_WORDING, ADD_TIME, REMARK_TIME];

/** `AddSource_Type_` + a keyword of letters only, at most 8 bytes. */
const ADD_SOURCE_FORMAT = /^AddSource_Type_[A-Za-z]{1,8}$/;
/** Custom friend fields: the console adds the prefix to a keyword of letters, ≤ 8 bytes. */
const CUSTOM_TAG = /^Tag_SNS_Custom_[A-Za-z]{1,8}$/;

/** The imported account whose table a request names (whole call 30003 when it is not). */
export function owner(app: AppState, from: string): Account {
  const acc = app.accounts.get(from);
  if (!acc) throw new TimError(30003, `${from} is not imported`);
  return acc;
}

/** From_Account's table (checked first), then To_Account: at most 1000 accounts. */
export function ownerAndTargets({ app, f }: RouteContext): { from: Account; targets: string[] } {
  return { from: owner(app, f.str("From_Account")), targets: f.strArray("To_Account", SNS_BATCH) };
}

/**
 * A custom friend tag the app may use: well formed and, when the app lists its console
 * fields, one of them. Otherwise the whole call fails 30001 with Tencent's message.
 */
export function checkCustomTag(app: AppState, tag: string): void {
  const declared = app.config.customFriendTags;
  if (!CUSTOM_TAG.test(tag) || (declared && !declared.has(tag))) {
    throw new TimError(
      30001,
      `Invalid field: ${tag}. You may not configure custom fields in the console or use the wrong fields`,
    );
  }
}

export function isCustomTag(tag: string): boolean {
  return tag.startsWith("Tag_SNS_Custom_");
}

/** A per-item refusal: its ResultCode and ResultInfo. */
export type ItemCode = [code: number, info: string];
export const OK: ItemCode = [0, ""];

/** 30001 when the text is not a string or is over `max` bytes; 30005 for a sensitive word. */
export function textProblem(
  app: AppState,
  value: unknown,
  max: number,
  info: string,
): ItemCode | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || utf8Bytes(value) > max) return [30001, info];
  if (app.config.sensitiveWords.some((w) => w !== "" && value.includes(w))) {
    return [30005, "Err_SNS_Dirty_Word"];
  }
  return undefined;
}

export function addSourceProblem(value: unknown, info: string): ItemCode | undefined {
  return typeof value === "string" && ADD_SOURCE_FORMAT.test(value) ? undefined : [30001, info];
}

/** A list of friend-list names: each 1-30 bytes. */
export function listNamesProblem(value: unknown, info: string): ItemCode | undefined {
  const ok =
    Array.isArray(value) &&
    value.every(
      (n) => typeof n === "string" && n !== "" && utf8Bytes(n) <= FRIEND_LIST_NAME_MAX_BYTES,
    );
  return ok ? undefined : [30001, info];
}

/** How many friend lists `acc` would keep with `groups` named too. */
export function listCount(acc: Account, groups: string[]): number {
  return new Set([...acc.friendLists, ...groups]).size;
}

/** Puts a friend in exactly these lists; a list named for the first time is created. */
export function setLists(acc: Account, row: FriendRow, groups: string[]): void {
  row.groups = [...new Set(groups)];
  for (const g of row.groups) acc.friendLists.add(g);
}

export function newRow(now: number, addSource: string): FriendRow {
  return {
    addTime: now,
    addSource,
    remark: "",
    remarkTime: 0,
    addWording: "",
    groups: [],
    custom: new Map(),
  };
}

/** A friend row as Tencent answers it: [{Tag, Value}], standard and/or custom fields. */
export function valueItems(row: FriendRow, standard: boolean, custom: boolean) {
  const items: { Tag: string; Value: string | number | string[] }[] = [];
  if (standard) {
    items.push({ Tag: ADD_SOURCE, Value: row.addSource });
    if (row.remark !== "") items.push({ Tag: REMARK, Value: row.remark });
    if (row.groups.length > 0) items.push({ Tag: GROUP, Value: row.groups });
    if (row.addWording !== "") items.push({ Tag: ADD_WORDING, Value: row.addWording });
    items.push({ Tag: ADD_TIME, Value: row.addTime });
    if (row.remarkTime > 0) items.push({ Tag: REMARK_TIME, Value: row.remarkTime });
  }
  if (custom) for (const [Tag, Value] of row.custom) items.push({ Tag, Value });
  return items;
}

/** One value of a friend row by tag (undefined when unset). */
export function rowValue(row: FriendRow, tag: string): string | number | string[] | undefined {
  return valueItems(row, true, true).find((i) => i.Tag === tag)?.Value;
}

/**
 * Per-item answers: `ResultItem` in request order, and `Fail_Account` when some failed
 * (the pages show it only then).
 */
export function itemAnswer(targets: string[], answer: (to: string, i: number) => ItemCode) {
  const Fail_Account: string[] = [];
  const ResultItem = targets.map((To_Account, i) => {
    const [ResultCode, ResultInfo] = answer(To_Account, i);
    if (ResultCode !== 0) Fail_Account.push(To_Account);
    return { To_Account, ResultCode, ResultInfo };
  });
  return { ResultItem, ...(Fail_Account.length > 0 ? { Fail_Account } : {}) };
}

/** A relationship-chain callback listing what changed as (From_Account, To_Account) pairs. */
export function pairCallback(
  ctx: RouteContext,
  command: string,
  pairs: { From_Account: string; To_Account: string }[],
  extra: Record<string, unknown> = {},
): void {
  if (pairs.length > 0) ctx.callbacks.send(ctx.app, command, { PairList: pairs, ...extra });
}

/** The Relation names of a check: both ways, mine only (A with B), theirs only, none. */
export interface RelationNames {
  both: string;
  mine: string;
  theirs: string;
  none: string;
}

/** friend_check's and black_list_check's Relation names. */
export const RELATIONS = {
  friend: {
    both: "CheckResult_Type_BothWay",
    mine: "CheckResult_Type_AWithB",
    theirs: "CheckResult_Type_BWithA",
    none: "CheckResult_Type_NoRelation",
  },
  blocklist: {
    both: "BlackCheckResult_Type_BothWay",
    mine: "BlackCheckResult_Type_AWithB",
    theirs: "BlackCheckResult_Type_BWithA",
    none: "BlackCheckResult_Type_NO",
  },
} satisfies Record<string, RelationNames>;

/**
 * A check's answer items: how `acc` and each target stand by `has` (a friend row, a
 * blocklist entry). The target's side is read for a two-way check only; an unknown
 * target has none.
 */
export function relationItems(
  app: AppState,
  acc: Account,
  targets: string[],
  both: boolean,
  has: (acc: Account, other: string) => boolean,
  names: RelationNames,
) {
  return targets.map((to) => {
    const mine = has(acc, to);
    const peer = both ? app.accounts.get(to) : undefined;
    const theirs = peer !== undefined && has(peer, acc.userId);
    const Relation = mine ? (theirs ? names.both : names.mine) : theirs ? names.theirs : names.none;
    return { To_Account: to, Relation, ResultCode: 0, ResultInfo: "" };
  });
}
