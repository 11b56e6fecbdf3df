import { type CallOptions, itemOk, runIdBatches } from "@imgraph/core";
import { call, num, str, type TencentContext } from "./context.js";
import { PAGE_MAX, UNREAD_PEERS_PER_CALL } from "./limits.js";

// Tencent keeps unread counts in two places (docs/vendors/tencent.md §2.1, §2.2): one-to-one
// ones behind get_c2c_unread_msg_num, group ones as each member's SelfInfo.UnreadMsgNum in
// get_joined_group_list (there is no per-group query).

interface C2CUnreadAnswer {
  AllC2CUnreadMsgNum?: unknown;
  C2CUnreadMsgNumList?: Array<{ Peer_Account?: unknown; C2CUnreadMsgNum?: unknown }>;
}

/** The user's one-to-one unread count over all peers. */
export async function c2cUnreadTotal(
  ctx: TencentContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
): Promise<number> {
  const answer = await call<C2CUnreadAnswer>(
    ctx,
    operation,
    "openim/get_c2c_unread_msg_num",
    { To_Account: userId },
    options,
    true,
  );
  return num(answer.AllC2CUnreadMsgNum) ?? 0;
}

/**
 * The user's unread count with each peer, 10 peers a call. A peer Tencent answers no count
 * for (its ErrorList: an account deleted since) has none in the map.
 */
export async function c2cUnreadByPeer(
  ctx: TencentContext,
  operation: string,
  userId: string,
  peers: string[],
  options: CallOptions | undefined,
): Promise<Map<string, number>> {
  const results = await runIdBatches(ctx, peers, UNREAD_PEERS_PER_CALL, async (chunk) => {
    const answer = await call<C2CUnreadAnswer>(
      ctx,
      operation,
      "openim/get_c2c_unread_msg_num",
      { To_Account: userId, Peer_Account: chunk },
      options,
      true,
    );
    const counts = new Map(
      (answer.C2CUnreadMsgNumList ?? []).map((c) => [
        str(c?.Peer_Account),
        num(c?.C2CUnreadMsgNum),
      ]),
    );
    return chunk.map((peer) => itemOk(peer, counts.get(peer)));
  });
  const byPeer = new Map<string, number>();
  for (const r of results) {
    // A failed call fails the whole read: a count we could not ask for is not "none".
    if (!r.ok) throw r.error;
    if (r.value !== undefined) byPeer.set(r.key, r.value);
  }
  return byPeer;
}

/** What get_joined_group_list's SelfInfo says about the user in one group. */
export interface SelfInfo {
  unread: number | undefined;
  msgFlag: string | undefined;
}

interface JoinedAnswer {
  TotalCount?: unknown;
  GroupIdList?: Array<{
    GroupId?: unknown;
    SelfInfo?: { UnreadMsgNum?: unknown; MsgFlag?: unknown };
  }>;
}

/**
 * The user's SelfInfo in each group they are in (live rooms left out), page by page;
 * `until` stops the paging once it has what it needs.
 */
export async function joinedSelfInfo(
  ctx: TencentContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
  until: (found: Map<string, SelfInfo>) => boolean = () => false,
): Promise<Map<string, SelfInfo>> {
  const found = new Map<string, SelfInfo>();
  for (let offset = 0; ; ) {
    const answer = await call<JoinedAnswer>(
      ctx,
      operation,
      "group_open_http_svc/get_joined_group_list",
      {
        Member_Account: userId,
        Limit: PAGE_MAX,
        Offset: offset,
        WithHugeGroups: 0,
        ResponseFilter: { SelfInfoFilter: ["UnreadMsgNum", "MsgFlag"] },
      },
      options,
      true,
    );
    const page = answer.GroupIdList ?? [];
    for (const g of page) {
      const id = str(g?.GroupId);
      if (id)
        found.set(id, { unread: num(g.SelfInfo?.UnreadMsgNum), msgFlag: str(g.SelfInfo?.MsgFlag) });
    }
    offset += page.length;
    const total = num(answer.TotalCount);
    const more = total === undefined ? page.length === PAGE_MAX : offset < total;
    if (!more || page.length === 0 || until(found)) return found;
  }
}
