/**
 * ZIM per-user conversation settings (zego.md #16 §1.4-1.5): ConvPinned and
 * SilenceConvNotification. Both are batches answered by the §1.4 rule: Code 0 when at
 * least one conversation succeeded (the others in ErrorList), else the first SubCode.
 * Neither can be read back through the server API.
 */
import { type ConvKind, ensureConversation, findConversation } from "../conversations.js";
import { ZegoError, ZIM } from "../errors.js";
import { idParam, isValidId } from "../ids.js";
import type { AppState, User, UserConversation } from "../state.js";
import { sender } from "./common.js";
import { convTypeParam } from "./conversation.js";
import { type ActionResult, type ActionTable, zimAction } from "./types.js";

/** Conversations per ConvPinned call (raisable via support) and pins per user (fixed). */
const PIN_BATCH = 20;
const PIN_LIMIT = 100;
/** ConvIds per SilenceConvNotification call; muted one-to-one conversations per user (default). */
const SILENCE_BATCH = 10;
const SILENCE_PEER_LIMIT = 500;

interface ConvError {
  ConvId: string;
  ConvType?: ConvKind;
  SubCode: number;
  SubMessage: string;
}

function answer(ok: number, ErrorList: ConvError[]): ActionResult {
  const first = ErrorList[0];
  if (ok === 0 && first) {
    throw new ZegoError(first.SubCode, "the operation failed for every conversation", {
      ErrorList,
    });
  }
  return { ErrorList };
}

/** How many of the user's entries `pick` selects. */
const count = (app: AppState, userId: string, pick: (c: UserConversation) => boolean) =>
  [...(app.userConversations.get(userId)?.values() ?? [])].filter(pick).length;

/** Why one conversation cannot be pinned by `me`, as [SubCode, SubMessage]. */
function pinRefusal(
  app: AppState,
  me: User,
  convType: ConvKind,
  convId: string,
  pin: boolean,
): [number, string] | undefined {
  if (convType === 0) {
    if (convId === me.userId) return [ZIM.badParam, "a user has no conversation with themself"];
    if (!app.registered(convId)) return [ZIM.targetUnregistered, "the peer is not registered"];
  } else if (!app.groups.has(convId)) {
    // No group code is listed for ConvPinned: a parameter error (unverified).
    return [ZIM.badParam, "the group does not exist"];
  }
  const already = findConversation(app, me.userId, convType, convId)?.pinned === true;
  if (pin && !already && count(app, me.userId, (c) => c.pinned) >= PIN_LIMIT) {
    return [ZIM.pinLimit, `the pin list is limited to ${PIN_LIMIT} conversations`];
  }
  return undefined;
}

/** Why `me` cannot change notifications of one conversation, as [SubCode, SubMessage]. */
function silenceRefusal(
  app: AppState,
  me: User,
  convType: ConvKind,
  convId: string,
  enable: boolean,
): [number, string] | undefined {
  if (!isValidId(convId)) return [ZIM.badParam, "ConvId is not a valid id"];
  if (convType === 0) {
    if (convId === me.userId) return [ZIM.badParam, "a user has no conversation with themself"];
    if (!app.registered(convId)) return [ZIM.userNotRegistered, "the peer is not registered"];
  } else {
    const g = app.groups.get(convId);
    if (!g) return [ZIM.groupMissing, "the group does not exist"];
    if (!g.members.has(me.userId)) return [ZIM.notMember, "FromUserId is not in the group"];
  }
  const silenced = findConversation(app, me.userId, convType, convId)?.silenced === true;
  // Not idempotent (§1.5): a repeat is an error.
  if (enable && silenced) return [ZIM.alreadySilenced, "already muted, cannot mute again"];
  if (!enable && !silenced) return [ZIM.alreadyUnsilenced, "already unmuted, cannot unmute again"];
  const peers = count(app, me.userId, (c) => c.convType === 0 && c.silenced);
  if (enable && convType === 0 && peers >= SILENCE_PEER_LIMIT) {
    return [ZIM.silenceLimit, `at most ${SILENCE_PEER_LIMIT} one-to-one conversations muted`];
  }
  return undefined;
}

export const conversationSettingActions: ActionTable = {
  /** Re-pinning and re-unpinning succeed (§6.12, unverified). */
  ConvPinned: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const list = ctx.p.objList("ConvList", { required: true, max: PIN_BATCH });
    const convs = list.map((item) => ({
      convId: idParam(item, "ConvId"),
      convType: convTypeParam(item),
    }));
    const pin = ctx.p.int("PinnedType", { min: 0, max: 1 }) === 1;
    const ErrorList: ConvError[] = [];
    let ok = 0;
    for (const { convId, convType } of convs) {
      const refusal = pinRefusal(ctx.app, me, convType, convId, pin);
      if (refusal) {
        ErrorList.push({
          ConvId: convId,
          ConvType: convType,
          SubCode: refusal[0],
          SubMessage: refusal[1],
        });
        continue;
      }
      ensureConversation(ctx.app, me.userId, convType, convId).pinned = pin;
      ok++;
    }
    return answer(ok, ErrorList);
  }),

  /** One ConvType for the whole list; ErrorList items carry no ConvType (§1.5). */
  SilenceConvNotification: zimAction("POST", (ctx) => {
    const me = sender(ctx);
    const convType = convTypeParam(ctx.p);
    const convIds = ctx.p.strList("ConvIds", {
      required: true,
      max: SILENCE_BATCH,
      itemMaxBytes: 32,
    });
    const enable = ctx.p.optBool("Enable");
    if (enable === undefined) throw ctx.p.fail("Enable is required");
    const ErrorList: ConvError[] = [];
    let ok = 0;
    for (const convId of convIds) {
      const refusal = silenceRefusal(ctx.app, me, convType, convId, enable);
      if (refusal) {
        ErrorList.push({ ConvId: convId, SubCode: refusal[0], SubMessage: refusal[1] });
        continue;
      }
      ensureConversation(ctx.app, me.userId, convType, convId).silenced = enable;
      ok++;
    }
    return answer(ok, ErrorList);
  }),
};
