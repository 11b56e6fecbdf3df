import { type CallOptions, InternalError } from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";
import type { GagEntry } from "./gag-times.js";
import { CHAT_MUTE_PAGE_MAX } from "./limits.js";

// Reading RongCloud's app-wide mute lists (vendor reference §7).

/**
 * One-to-one mutes have no documented cap; reading stops after this many pages (10 000
 * users) rather than page without end.
 */
const DIRECT_MAX_PAGES = 50;

/** The users muted in all groups, by id (the doc says `users`, Java reads `members`). */
export async function groupGags(
  ctx: RongCloudContext,
  options: CallOptions | undefined,
): Promise<Map<string, GagEntry>> {
  const answer = await post<{ users?: GagEntry[]; members?: GagEntry[] }>(
    ctx,
    "getUserMutes",
    "/group/user/gag/list.json",
    {},
    options,
    true,
  );
  const list = answer.users ?? answer.members ?? [];
  return new Map(list.map((u) => [String(u.userId), u]));
}

/**
 * Which of `wanted` are muted one-to-one: pages of 200 are read until all are found or the
 * list ends.
 */
export async function directMutes(
  ctx: RongCloudContext,
  wanted: Set<string>,
  options: CallOptions | undefined,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let page = 0; page < DIRECT_MAX_PAGES; page++) {
    const answer = await post<{ total?: unknown; users?: unknown }>(
      ctx,
      "getUserMutes",
      "/user/chat/fb/querylist.json",
      { type: "PERSON", num: CHAT_MUTE_PAGE_MAX, offset: page * CHAT_MUTE_PAGE_MAX },
      options,
      true,
    );
    const users = Array.isArray(answer.users) ? answer.users.map(String) : [];
    for (const id of users) if (wanted.has(id)) found.add(id);
    const read = page * CHAT_MUTE_PAGE_MAX + users.length;
    const total = Number(answer.total);
    const ended = users.length < CHAT_MUTE_PAGE_MAX || (Number.isFinite(total) && read >= total);
    if (found.size === wanted.size || ended) return found;
  }
  throw new InternalError(
    `More than ${DIRECT_MAX_PAGES * CHAT_MUTE_PAGE_MAX} users are muted one-to-one; getUserMutes reads no further.`,
  );
}
