import { createHash } from "node:crypto";
import type { CallOptions, Conversation, ListedConversation, QueryParams } from "@imgraph/core";
import { postJson, type RongCloudContext } from "./context.js";
import { TAG_ID_CHARS } from "./limits.js";
import { GROUP, PRIVATE, SYSTEM } from "./message-ids.js";

// RongCloud's conversation tag endpoints (#16 reference §1.7): JSON writes, GET reads with
// the parameters in the query string (as the Java SDK sends them).

/** One of a user's tags as get.json answers it. */
export interface ConversationTag {
  tagId: string;
  tagName: string;
}

function get<T>(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  query: QueryParams,
  options: CallOptions | undefined,
): Promise<T> {
  return ctx.client.call({
    operation,
    method: "GET",
    path,
    query,
    idempotent: true,
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  }) as Promise<T>;
}

/** The user's tags in RongCloud's order; entries without an id or name are skipped. */
export async function readTags(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
): Promise<ConversationTag[]> {
  const answer = await get<{ data?: unknown }>(
    ctx,
    operation,
    "/user/conversation/tag/get.json",
    { userId },
    options,
  );
  // `data.tags` per the Java SDK's model; a bare list is read too (the doc shows neither).
  const data = answer.data as { tags?: unknown } | unknown[] | undefined;
  const list = Array.isArray(data) ? data : Array.isArray(data?.tags) ? data.tags : [];
  return list.flatMap((t: { tagId?: unknown; tagName?: unknown }) =>
    typeof t?.tagId === "string" && typeof t.tagName === "string" && t.tagId !== ""
      ? [{ tagId: t.tagId, tagName: t.tagName }]
      : [],
  );
}

const FROM_TYPE: Record<number, Conversation["type"]> = {
  [PRIVATE]: "USER",
  [GROUP]: "GROUP",
  [SYSTEM]: "SYSTEM",
};

/** The conversations one tag carries; types without a neutral kind are skipped. */
export async function readTagConversations(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  tagId: string,
  options: CallOptions | undefined,
): Promise<Conversation[]> {
  const answer = await get<{ data?: { conversations?: unknown } }>(
    ctx,
    operation,
    "/tag/conversation/get.json",
    { userId, tagId },
    options,
  );
  const list = answer.data?.conversations;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: { targetId?: unknown; conversationType?: unknown }) => {
    const type = FROM_TYPE[Number(c?.conversationType)];
    return type && typeof c.targetId === "string" ? [{ type, id: c.targetId }] : [];
  });
}

/** Creates the tags, or renames those whose tagId exists (set.json). */
export function writeTags(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  tags: ConversationTag[],
  options: CallOptions | undefined,
): Promise<unknown> {
  return postJson(ctx, operation, "/user/conversation/tag/set.json", { userId, tags }, options);
}

export function deleteTag(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  tagId: string,
  options: CallOptions | undefined,
): Promise<unknown> {
  const body = { userId, tagIds: [tagId] };
  return postJson(ctx, operation, "/user/conversation/tag/del.json", body, options);
}

/** Puts conversations into a tag (`remove`: takes them out), ≤100 a call. */
export function tagConversations(
  ctx: RongCloudContext,
  operation: string,
  call: { userId: string; tagId: string; conversations: ListedConversation[]; remove?: boolean },
  options: CallOptions | undefined,
): Promise<unknown> {
  const path = call.remove ? "/tag/conversation/del.json" : "/tag/conversation/set.json";
  const conversations = call.conversations.map((c) => ({
    targetId: c.id,
    conversationType: c.type === "GROUP" ? GROUP : PRIVATE,
  }));
  return postJson(
    ctx,
    operation,
    path,
    { userId: call.userId, tagId: call.tagId, conversations },
    options,
  );
}

/**
 * The tagId for a new folder: derived from its name (so a retried create names the same
 * tag), the next candidate when another tag already uses it (a renamed folder keeps the id
 * its first name gave it). 10 characters of a-z0-9, within RongCloud's 10.
 */
export function newTagId(name: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const digest = createHash("sha256").update(`${name}\u0000${n}`).digest();
    const id = BigInt(`0x${digest.subarray(0, 8).toString("hex")}`)
      .toString(36)
      .padStart(TAG_ID_CHARS, "0")
      .slice(-TAG_ID_CHARS);
    if (!taken.has(id)) return id;
  }
}
