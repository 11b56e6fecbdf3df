/** Test helpers that send and read Tencent messages through the REST API. */
import { type Body, ok, type TimClient, text } from "../tencent/test-support.js";

/**
 * Message senders sharing one counter for MsgRandom / Random (from `first`), so that no two
 * messages of a test file collide. Text `m<n>` (one-to-one) or `g<n>` (group) unless
 * `fields` say otherwise; each answers the raw envelope. A one-to-one message to a list of
 * accounts goes through batchsendmsg.
 */
export function messageSender(fx: { tim: TimClient }, first = 1) {
  let random = first;
  return {
    c2c: (from: string, to: string | string[], fields: Body = {}) =>
      fx.tim.call(Array.isArray(to) ? "openim/batchsendmsg" : "openim/sendmsg", {
        From_Account: from,
        To_Account: to,
        MsgRandom: random++,
        MsgBody: text(`m${random}`),
        ...fields,
      }),
    group: (GroupId: string, from: string, fields: Body = {}) =>
      fx.tim.call("group_open_http_svc/send_group_msg", {
        GroupId,
        From_Account: from,
        Random: random++,
        MsgBody: text(`g${random}`),
        ...fields,
      }),
  };
}

/** admin_getroammsg of `op`'s history with `peer` over all time (`fields` add or replace). */
export const roam = (tim: TimClient, op: string, peer: string, fields: Body = {}) =>
  tim.call("openim/admin_getroammsg", {
    Operator_Account: op,
    Peer_Account: peer,
    MaxCnt: 100,
    MinTime: 0,
    MaxTime: 4294967295,
    ...fields,
  });

/** The messages of `op`'s history with `peer` (`fields` add or replace), from an OK answer. */
export const roamMessages = async (
  tim: TimClient,
  op: string,
  peer: string,
  fields: Body = {},
): Promise<Body[]> => ok(await roam(tim, op, peer, fields)).MsgList as Body[];

/** group_msg_get_simple's OK answer: the newest `count` messages of a group. */
export const groupHistory = async (tim: TimClient, GroupId: string, count = 20): Promise<Body> =>
  ok(await tim.call("group_open_http_svc/group_msg_get_simple", { GroupId, ReqMsgNumber: count }));
