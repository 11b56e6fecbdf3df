/**
 * Deleting messages (docs/vendors/tencent.md §4.3, §4.4):
 * - openim/delete_c2c_msg_ramble: up to 30 MsgKeys of one conversation leave the operator's
 *   copy of the history (the peer keeps theirs). Error codes are unverified: 90008 / 90003
 *   for unknown accounts, 90001 over 30 keys; a key that names no message of the pair (or
 *   one already deleted) is skipped, so a repeat succeeds.
 * - group_open_http_svc/delete_group_msg_by_sender: every message the account sent in the
 *   group is deleted for everyone (a hole in history, like a recall). Live groups answer
 *   10035; the sender need not be a member (or imported) any more.
 * No callback fires for either (§7).
 */
import { GROUP_CODES, OPENIM_CODES, TimError } from "../errors.js";
import { findGroup } from "../groups.js";
import { account, type RouteTable } from "../route.js";
import { pairKey } from "../state.js";

const KEYS_PER_CALL = 30;

export const msgDeleteRoutes: RouteTable = {
  "v4/openim/delete_c2c_msg_ramble": {
    codes: OPENIM_CODES,
    handle({ app, f }) {
      const op = f.str("Operator_Account", 90008);
      const peer = f.str("Peer_Account", 90003);
      const keys = f.strArray("MsgKeyList", Number.MAX_SAFE_INTEGER);
      if (keys.length > KEYS_PER_CALL) f.fail(`MsgKeyList has more than ${KEYS_PER_CALL} keys`);
      account(app, op, 90008, "Operator_Account");
      account(app, peer, 90003, "Peer_Account");
      const wanted = new Set(keys);
      // The operator is the sender or the recipient of every message of the pair.
      for (const m of app.conversations.get(pairKey(op, peer)) ?? []) {
        if (!wanted.has(m.key)) continue;
        m.deletedFor ??= new Set();
        m.deletedFor.add(op);
      }
      return undefined;
    },
  },
  "v4/group_open_http_svc/delete_group_msg_by_sender": {
    codes: GROUP_CODES,
    handle({ app, f }) {
      const g = findGroup(app, f.str("GroupId"));
      const sender = f.str("Sender_Account");
      const topicId = f.optStr("TopicId");
      if (g.type === "AVChatRoom")
        throw new TimError(10035, "AVChatRoom groups do not support deleting messages");
      for (const m of g.messages) {
        if (m.from === sender && (topicId === undefined || m.topicId === topicId)) m.deleted = true;
      }
      return undefined;
    },
  },
};
