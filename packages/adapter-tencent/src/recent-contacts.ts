import {
  type CallOptions,
  cursorError,
  decodeCursor,
  encodeCursor,
  type ListedConversation,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, type TencentContext } from "./context.js";
import { CONVERSATION_PAGES_PER_CALL } from "./limits.js";

/** get_list's AssistFlags: pinned supported (1), empty conversations too (2), pinned paged (4). */
const ASSIST_FLAGS = 7;
const KIND = "conversations";

interface SessionItem {
  Type?: unknown;
  To_Account?: unknown;
  GroupId?: unknown;
  MsgTime?: unknown;
  TopFlag?: unknown;
}

interface ListAnswer {
  SessionItem?: SessionItem[];
  CompleteFlag?: unknown;
  TimeStamp?: unknown;
  StartIndex?: unknown;
  TopTimeStamp?: unknown;
  TopStartIndex?: unknown;
}

/** One entry of get_list, as the neutral list starts it. */
export interface RecentContact {
  conversation: ListedConversation;
  lastMessageAt: Date | null;
  pinned: boolean | null;
}

/**
 * Where a page starts: the four integers get_list answered for the vendor page (sent back
 * as they came, their meaning is undocumented) and how many of that page's items were
 * already given (`s`): the server decides its page size, our limit cuts into it.
 */
type Position = {
  t: number;
  i: number;
  tt: number;
  ti: number;
  s: number;
};

const START: Position = { t: 0, i: 0, tt: 0, ti: 0, s: 0 };

function positionOf(cursor: string | null | undefined): Position {
  const fields = decodeCursor<Position>(KIND, cursor, {
    t: "number",
    i: "number",
    tt: "number",
    ti: "number",
    s: "number",
  });
  if (!fields) return START;
  if (Object.values(fields).some((v) => typeof v === "number" && v < 0)) throw cursorError();
  return { t: fields.t, i: fields.i, tt: fields.tt, ti: fields.ti, s: fields.s };
}

function cursorOf(p: Position): string {
  return encodeCursor(KIND, { t: p.t, i: p.i, tt: p.tt, ti: p.ti, s: p.s });
}

function toContact(item: SessionItem): RecentContact | null {
  const type = num(item?.Type);
  const id = type === 1 ? item.To_Account : type === 2 ? item.GroupId : undefined;
  if (typeof id !== "string" || id === "") return null;
  const top = num(item.TopFlag);
  return {
    conversation: { type: type === 1 ? "USER" : "GROUP", id },
    lastMessageAt: fromUnixSeconds(item.MsgTime),
    pinned: top === undefined ? null : top === 1,
  };
}

/** The cursor get_list answered for its next page; null when it gave none to follow. */
function following(answer: ListAnswer): Position | null {
  const t = num(answer.TimeStamp);
  const i = num(answer.StartIndex);
  const tt = num(answer.TopTimeStamp);
  const ti = num(answer.TopStartIndex);
  if (t === undefined || i === undefined || tt === undefined || ti === undefined) return null;
  return { t, i, tt, ti, s: 0 };
}

/**
 * Up to `limit` entries of the user's conversation list from the cursor, pinned ones first
 * (the server's order), reading as many of get_list's pages as it takes (at most
 * CONVERSATION_PAGES_PER_CALL). No entry is lost when our limit cuts a vendor page: the
 * cursor then points into that page.
 */
export async function recentContacts(
  ctx: TencentContext,
  userId: string,
  limit: number,
  cursor: string | null | undefined,
  options: CallOptions | undefined,
): Promise<{ contacts: RecentContact[]; nextCursor: string | null }> {
  let at = positionOf(cursor);
  const contacts: RecentContact[] = [];
  for (let calls = 0; calls < CONVERSATION_PAGES_PER_CALL; calls++) {
    const answer = await call<ListAnswer>(
      ctx,
      "listConversations",
      "recentcontact/get_list",
      {
        From_Account: userId,
        TimeStamp: at.t,
        StartIndex: at.i,
        TopTimeStamp: at.tt,
        TopStartIndex: at.ti,
        AssistFlags: ASSIST_FLAGS,
      },
      options,
      true,
    );
    const items = answer.SessionItem ?? [];
    const taken = items.slice(at.s, at.s + limit - contacts.length);
    for (const item of taken) {
      const contact = toContact(item);
      if (contact) contacts.push(contact);
    }
    if (at.s + taken.length < items.length) {
      return { contacts, nextCursor: cursorOf({ ...at, s: at.s + taken.length }) };
    }
    const next = following(answer);
    // An empty page ends the list too: asking again would only answer it again.
    if (num(answer.CompleteFlag) === 1 || items.length === 0 || !next) {
      return { contacts, nextCursor: null };
    }
    at = next;
    if (contacts.length >= limit) break;
  }
  return { contacts, nextCursor: cursorOf(at) };
}
