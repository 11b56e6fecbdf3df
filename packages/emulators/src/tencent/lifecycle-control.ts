/**
 * The state dump's view of read receipts (no REST equivalent for the one-to-one side): who
 * the server records as having read each message, so tests can check receipts without an
 * adapter. One-to-one: the recipient, once a receipt or a read mark covers the message
 * (what admin_getroammsg answers as IsPeerRead); group: the members who sent receipts.
 */
import type { Json } from "./fields.js";
import type { AppState } from "./state.js";

export function readReceiptDump(app: AppState): Json {
  const c2c = [...app.conversations.values()].flatMap((list) =>
    list.map((m) => {
      const readUpTo = app.accounts.get(m.to)?.readUpTo.get(m.from) ?? 0;
      return {
        From_Account: m.from,
        To_Account: m.to,
        MsgKey: m.key,
        ReadBy: m.receiptRead || readUpTo >= m.time ? [m.to] : [],
      };
    }),
  );
  const group = [...app.groups.values()].flatMap((g) =>
    g.messages
      .filter((m) => m.receipt)
      .map((m) => ({
        GroupId: g.id,
        MsgSeq: m.seq,
        ReadBy: [...(m.receipt?.readers ?? [])],
        Audience: [...(m.receipt?.audience ?? [])],
      })),
  );
  return { readReceipts: { c2c, group } };
}
