/**
 * Message extensions, service openim_msg_ext_http_svc (docs/vendors/tencent.md §5.1, §5.2):
 * set_key_values / get_key_values (one-to-one, by MsgKey and the accounts) and
 * group_set_key_values / group_get_key_values (by GroupId and MsgSeq). The pages' codes:
 * 10008 below the Pro edition; 23002 a message not sent with SupportMessageExtension 1; 23004
 * a message that does not exist. Live groups 10007 (unverified).
 */
import { OPENIM_CODES, TimError } from "../errors.js";
import {
  applyWrites,
  CLEAR,
  clearAll,
  newExtensions,
  readExtensions,
  readWrites,
} from "../extensions.js";
import { findGroup } from "../groups.js";
import { liveC2CMessage, liveGroupMessage, proEdition } from "../message-lookup.js";
import { account, type RouteContext, type RouteResult, type RouteTable } from "../route.js";
import type { C2CMessage, GroupMessage } from "../state.js";

const NO_MESSAGE = 23004;
const NOT_EXTENDABLE = 23002;

/** A message that can carry extensions. */
type Extendable = C2CMessage | GroupMessage;

function checkEdition(ctx: RouteContext): void {
  if (!proEdition(ctx.app))
    throw new TimError(10008, "message extensions need the Pro edition or higher");
}

/** To_Account and MsgKey, with From_Account when given (else the other side of any pair). */
function c2cMessage(ctx: RouteContext): C2CMessage {
  const { app, f, now } = ctx;
  const to = f.str("To_Account", 90003);
  const from = f.optStr("From_Account", 90008);
  const key = f.str("MsgKey");
  account(app, to, 90003, "To_Account");
  if (from) account(app, from, 90008, "From_Account");
  const senders = from
    ? [from]
    : [...app.conversations.values()].flatMap((l) =>
        l.filter((m) => m.to === to && m.key === key).map((m) => m.from),
      );
  for (const sender of senders) {
    const m = liveC2CMessage(app, sender, to, key, now);
    if (m) return m;
  }
  throw new TimError(NO_MESSAGE, `message ${key} not found`);
}

function groupMessage(ctx: RouteContext): GroupMessage {
  const g = findGroup(ctx.app, ctx.f.str("GroupId"));
  const seq = ctx.f.int("MsgSeq");
  if (g.type === "AVChatRoom") throw new TimError(10007, "AVChatRoom messages have no extensions");
  const m = liveGroupMessage(ctx.app, g, seq, ctx.now);
  if (!m) throw new TimError(NO_MESSAGE, `message ${seq} not found`);
  return m;
}

function set(ctx: RouteContext, m: Extendable): RouteResult {
  const { op, writes } = readWrites(ctx.f);
  if (!m.supportExtension)
    throw new TimError(NOT_EXTENDABLE, "the message was not sent with SupportMessageExtension 1");
  m.extensions ??= newExtensions();
  if (op === CLEAR) {
    clearAll(m.extensions);
    return undefined;
  }
  return { ExtensionList: applyWrites(m.extensions, op, writes) };
}

function get(ctx: RouteContext, m: Extendable): RouteResult {
  const startSeq = ctx.f.optInt("StartSeq") ?? 0;
  if (!m.supportExtension)
    throw new TimError(NOT_EXTENDABLE, "the message was not sent with SupportMessageExtension 1");
  return readExtensions(m.extensions, startSeq);
}

/** A route that checks the edition, then runs `op` on the message the request names. */
const extRoute = (
  op: (ctx: RouteContext, m: Extendable) => RouteResult,
  message: (ctx: RouteContext) => Extendable,
) => ({
  codes: OPENIM_CODES,
  handle(ctx: RouteContext) {
    checkEdition(ctx);
    return op(ctx, message(ctx));
  },
});

export const msgExtRoutes: RouteTable = {
  "v4/openim_msg_ext_http_svc/set_key_values": extRoute(set, c2cMessage),
  "v4/openim_msg_ext_http_svc/get_key_values": extRoute(get, c2cMessage),
  "v4/openim_msg_ext_http_svc/group_set_key_values": extRoute(set, groupMessage),
  "v4/openim_msg_ext_http_svc/group_get_key_values": extRoute(get, groupMessage),
};
