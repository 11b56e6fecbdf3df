import type { CallOptions, Friend } from "@imgraph/core";
import type { RongCloudContext } from "./context.js";
import { neutralAttributes } from "./ext-attributes.js";
import { FRIENDS_PAGE_MAX } from "./limits.js";
import { type TokenPageAsk, tokenPage } from "./paging.js";

// Reading RongCloud's friend lists (/friend/get.json, vendor reference §1.5) and turning its
// entries into neutral friends.

export interface VendorFriend {
  userId?: unknown;
  remarkName?: unknown;
  /** JSON text of the attribute map (an object tolerated). */
  friendExtProfile?: unknown;
  time?: unknown;
}

export interface FriendPage {
  friends: Friend[];
  /** The vendor's token for the next page; "" at the end. */
  pageToken: string;
  totalCount: number;
}

export async function friendPage(
  ctx: RongCloudContext,
  operation: string,
  page: TokenPageAsk,
  options: CallOptions | undefined,
): Promise<FriendPage> {
  const answer = await tokenPage<{
    pageToken?: unknown;
    totalCount?: unknown;
    friendList?: unknown;
  }>(ctx, operation, "/friend/get.json", page, options);
  const list = Array.isArray(answer.friendList) ? (answer.friendList as VendorFriend[]) : [];
  return {
    friends: list.map(toFriend),
    pageToken: typeof answer.pageToken === "string" ? answer.pageToken : "",
    totalCount: Number(answer.totalCount) || 0,
  };
}

/**
 * Every friend of a user, or stops early once `wanted` returns true (no fetch-by-id
 * endpoint exists, so finding chosen friends means paging). The end is not documented:
 * an empty page, no token, or the total reached ends it.
 */
export async function scanFriends(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
  done: (seen: Friend[]) => boolean,
): Promise<Friend[]> {
  const seen: Friend[] = [];
  let token: string | undefined;
  for (;;) {
    const ask = { userId, size: FRIENDS_PAGE_MAX, pageToken: token };
    const page = await friendPage(ctx, operation, ask, options);
    seen.push(...page.friends);
    if (done(seen) || isLastPage(page, seen.length)) return seen;
    token = page.pageToken;
  }
}

export function isLastPage(page: FriendPage, seenSoFar: number): boolean {
  return page.friends.length === 0 || page.pageToken === "" || seenSoFar >= page.totalCount;
}

function toFriend(entry: VendorFriend): Friend {
  const time = Number(entry.time);
  return {
    userId: String(entry.userId),
    alias:
      typeof entry.remarkName === "string" && entry.remarkName !== "" ? entry.remarkName : null,
    attributes: neutralAttributes(entry.friendExtProfile),
    addedAt: Number.isSafeInteger(time) && time > 0 ? new Date(time) : null,
  };
}
