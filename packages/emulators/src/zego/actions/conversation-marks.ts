/**
 * ZIM SetConvMark (zego.md #16 §1.6): set (Action true) or cancel (false) one mark 1..30 per
 * listed conversation, for up to 100 users per call. Marks are kept per user and
 * conversation; no server Action reads them back (§1.7), only the state dump does.
 * The answer is two-level: FailList per user (SubCode), each with its own FailList per
 * conversation (Code). Inner failures are Code 1 and an unknown user SubCode 1, as in the
 * only example (§6.13, unverified); a repeat set or cancel succeeds (§6.12, unverified).
 */
import { type ConvKind, ensureConversation } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam, isValidId } from "../ids.js";
import type { Params } from "../params.js";
import type { AppState } from "../state.js";
import { type ActionContext, type ActionTable, zimAction } from "./types.js";

/** Entries per call; conversations per map; the mark range (a conversation holds ≤ 30 marks). */
const ENTRIES_MAX = 100;
const CONVS_PER_MAP = 100;
const MARK_MIN = 1;
const MARK_MAX = 30;
/** The example's per-item failure code for conversations and users (§6.13, unverified). */
const ITEM_FAILED = 1;

interface ConvFailure {
  Code: number;
  Message: string;
  ConvId: string;
  ConvType: ConvKind;
}

interface UserFailure {
  SubCode: number;
  SubMessage: string;
  UserId: string;
  FailList?: ConvFailure[];
}

/** One entry's conversation map as [ConvId, raw value] pairs; a bad map fails the request. */
function markMap(item: Params, name: string): [string, unknown][] {
  const map = item.optObj(name);
  if (!map) return [];
  const pairs = Object.entries(map.src);
  if (pairs.length > CONVS_PER_MAP) {
    throw item.fail(`${name} lists more than ${CONVS_PER_MAP} conversations`);
  }
  return pairs;
}

/** The value's MarkContent when it is an integer 1..30. */
function markOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const mark = (value as Record<string, unknown>).MarkContent;
  return typeof mark === "number" && Number.isInteger(mark) && mark >= MARK_MIN && mark <= MARK_MAX
    ? mark
    : undefined;
}

/** Why `userId` cannot mark this conversation (the Message of a Code 1 failure). */
function refusal(
  app: AppState,
  userId: string,
  convType: ConvKind,
  convId: string,
): string | undefined {
  if (!isValidId(convId)) return "conversation id is invalid";
  if (convType === 0)
    return convId === userId ? "a user has no conversation with themself" : undefined;
  const group = app.groups.get(convId);
  // "Group conversations must already exist and not be deleted"; the user must be in it.
  if (!group) return "group conversation does not exist";
  if (!group.members.has(userId)) return "user is not in the group";
  return undefined;
}

/** Applies one mark change and keeps the list ascending; repeats change nothing. */
function applyMark(
  app: AppState,
  userId: string,
  convType: ConvKind,
  convId: string,
  mark: number,
  set: boolean,
) {
  const entry = ensureConversation(app, userId, convType, convId);
  const others = entry.marks.filter((m) => m !== mark);
  entry.marks = set ? [...others, mark].sort((a, b) => a - b) : others;
}

interface EntryOutcome {
  ok: number;
  failure?: UserFailure;
}

/** One ConvMarkInfoList entry, already read: applied conversation by conversation. */
function applyEntry(
  ctx: ActionContext,
  userId: string,
  set: boolean,
  convs: [ConvKind, string, unknown][],
): EntryOutcome {
  if (!ctx.app.registered(userId)) {
    return {
      ok: 0,
      failure: { SubCode: ITEM_FAILED, SubMessage: "user not exist", UserId: userId },
    };
  }
  const FailList: ConvFailure[] = [];
  let ok = 0;
  for (const [ConvType, ConvId, value] of convs) {
    const mark = markOf(value);
    const why =
      mark === undefined ? "mark content is invalide" : refusal(ctx.app, userId, ConvType, ConvId);
    if (why !== undefined || mark === undefined) {
      FailList.push({ Code: ITEM_FAILED, Message: why ?? "", ConvId, ConvType });
      continue;
    }
    applyMark(ctx.app, userId, ConvType, ConvId, mark, set);
    ok++;
  }
  if (FailList.length === 0) return { ok };
  // SubCode 0 when some of the user's conversations were marked, else the all-failed code.
  const failure: UserFailure =
    ok > 0
      ? { SubCode: 0, SubMessage: "succ", UserId: userId, FailList }
      : {
          SubCode: ZIM.markFailedAll,
          SubMessage: "mark operations for all conversations failed",
          UserId: userId,
          FailList,
        };
  return { ok, failure };
}

export const conversationMarkActions: ActionTable = {
  SetConvMark: zimAction("POST", (ctx) => {
    // The operator must be known: 660800001 "error querying user information" (unverified
    // which code an unknown operator gets; the page lists no 660500002).
    const from = idParam(ctx.p, "FromUserId");
    if (!ctx.app.registered(from)) {
      throw new ZegoError(ZIM.targetUnregistered, `FromUserId ${from} is not registered`);
    }
    const items = ctx.p.objList("ConvMarkInfoList", { required: true, max: ENTRIES_MAX });
    // Read every entry before changing anything: a malformed one fails the whole request.
    const entries = items.map((item) => {
      const userId = idParam(item, "UserId");
      const set = item.optBool("Action");
      if (set === undefined) throw item.fail("Action is required");
      const convs: [ConvKind, string, unknown][] = [
        ...markMap(item, "SetMarkC2c").map(([id, v]): [ConvKind, string, unknown] => [0, id, v]),
        ...markMap(item, "SetMarkGroup").map(([id, v]): [ConvKind, string, unknown] => [2, id, v]),
      ];
      if (convs.length === 0) throw item.fail("SetMarkC2c or SetMarkGroup is required");
      return { userId, set, convs };
    });
    const FailList: UserFailure[] = [];
    let ok = 0;
    for (const { userId, set, convs } of entries) {
      const outcome = applyEntry(ctx, userId, set, convs);
      ok += outcome.ok;
      if (outcome.failure) FailList.push(outcome.failure);
    }
    if (ok === 0) {
      throw new ZegoError(ZIM.markFailedAll, "mark operations for all conversations failed", {
        FailList,
      });
    }
    return { FailList };
  }),
};
