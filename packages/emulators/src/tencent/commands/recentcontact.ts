/**
 * A user's conversation list, service recentcontact (docs/vendors/tencent.md §1.1 to §1.3):
 * get_list (paged, pinned first), delete (optionally with the user's roaming history) and
 * top (pin or unpin).
 */
import {
  C2C,
  type ContactType,
  contactKey,
  deleteContact,
  GROUP,
  messageCount,
  touchContact,
} from "../contacts.js";
import { type ServiceCodes, TimError } from "../errors.js";
import { Fields, isObject } from "../fields.js";
import type { RouteTable } from "../route.js";
import type { Account, AppState, RecentContact } from "../state.js";

/** recentcontact: 50002 bad parameter; 50001 the UserID was never imported. */
export const RECENTCONTACT_CODES: ServiceCodes = { invalid: 50002, tooMany: 50002 };
/** The page size is the server's (unverified): at most 100 conversations a call. */
export const CONTACT_PAGE = 100;
/** A user may pin at most 50 conversations, not raisable (51012, intl 1047/34348). */
export const PINNED_MAX = 50;
export const TOO_MANY_PINNED = 51012;

/** AssistFlags bits: 0 pinned supported, 1 empty conversations too, 2 page the pinned ones. */
const PINNED = 1;
const EMPTY = 2;
const PAGE_PINNED = 4;

function owner(app: AppState, f: Fields): Account {
  const id = f.str("From_Account");
  const acc = app.accounts.get(id);
  if (!acc) throw new TimError(50001, `From_Account ${id} is not imported`);
  return acc;
}

/** Newest first; entries of the same second in the order they were last updated. */
function newestFirst(a: RecentContact, b: RecentContact): number {
  return b.msgTime - a.msgTime || b.order - a.order;
}

/**
 * A (TimeStamp, StartIndex) cursor over a newest-first list: the MsgTime of the last item
 * given and how many items of that second were given. 0/0 is the start. The real meaning
 * is undocumented: callers send back what they got, any integers are accepted.
 */
interface Cursor {
  time: number;
  index: number;
}

/** The items after the cursor. */
function after(list: RecentContact[], c: Cursor): RecentContact[] {
  if (c.time === 0 && c.index === 0) return list;
  let sameSecond = 0;
  return list.filter((e) => {
    if (e.msgTime > c.time) return false;
    if (e.msgTime < c.time) return true;
    return sameSecond++ >= c.index;
  });
}

/** The cursor after giving `given` from the list that `c` pointed into. */
function advance(c: Cursor, given: RecentContact[]): Cursor {
  const last = given.at(-1);
  if (!last) return c;
  const same = given.filter((e) => e.msgTime === last.msgTime).length;
  return { time: last.msgTime, index: last.msgTime === c.time ? c.index + same : same };
}

function item(e: RecentContact, pinnedSupported: boolean) {
  return {
    Type: e.type,
    ...(e.type === C2C ? { To_Account: e.peer } : { GroupId: e.peer }),
    MsgTime: e.msgTime,
    TopFlag: pinnedSupported && e.top ? 1 : 0,
  };
}

export const recentContactRoutes: RouteTable = {
  "v4/recentcontact/get_list": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f, now }) {
      const acc = owner(app, f);
      const general: Cursor = { time: f.int("TimeStamp"), index: f.int("StartIndex") };
      const top: Cursor = { time: f.int("TopTimeStamp"), index: f.int("TopStartIndex") };
      const flags = f.int("AssistFlags");
      const pinnedSupported = (flags & PINNED) !== 0;
      const entries = [...acc.contacts.values()]
        .filter((e) => (flags & EMPTY) !== 0 || messageCount(app, acc, e, now) > 0)
        .sort(newestFirst);
      // Without bit 0 there is one list; without bit 2 the pinned come all on the first call.
      const pinned = pinnedSupported ? entries.filter((e) => e.top) : [];
      const rest = pinnedSupported ? entries.filter((e) => !e.top) : entries;
      const pinnedLeft = after(pinned, top);
      const topGiven = (flags & PAGE_PINNED) !== 0 ? pinnedLeft.slice(0, CONTACT_PAGE) : pinnedLeft;
      const generalLeft = after(rest, general);
      const room = Math.max(0, CONTACT_PAGE - ((flags & PAGE_PINNED) !== 0 ? topGiven.length : 0));
      const generalGiven = generalLeft.slice(0, room);
      const nextTop = advance(top, topGiven);
      const nextGeneral = advance(general, generalGiven);
      const complete =
        topGiven.length === pinnedLeft.length && generalGiven.length === generalLeft.length;
      return {
        SessionItem: [...topGiven, ...generalGiven].map((e) => item(e, pinnedSupported)),
        CompleteFlag: complete ? 1 : 0,
        TimeStamp: nextGeneral.time,
        StartIndex: nextGeneral.index,
        TopTimeStamp: nextTop.time,
        TopStartIndex: nextTop.index,
        ErrorDisplay: "",
      };
    },
  },
  "v4/recentcontact/delete": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f }) {
      const acc = owner(app, f);
      const type = f.int("Type");
      if (type !== C2C && type !== GROUP) f.fail("Type must be 1 (C2C) or 2 (group)");
      // The delete page spells it ToGroupid, the contact-group pages ToGroupId: both.
      const peer = type === C2C ? f.str("To_Account") : f.str(f.pick("ToGroupid", "ToGroupId"));
      const clear = f.optInt("ClearRamble") ?? 0;
      if (clear > 1) f.fail("ClearRamble must be 0 or 1");
      // Deleting a conversation the user does not have succeeds (unverified: idempotent).
      deleteContact(app, acc, type as ContactType, peer, clear === 1);
      return { ErrorDisplay: "" };
    },
  },
  "v4/recentcontact/top": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f }) {
      const acc = owner(app, f);
      const operation = f.int("OperationType");
      if (operation !== 1 && operation !== 2) f.fail("OperationType must be 1 (pin) or 2 (unpin)");
      // The page states no per-call cap (unverified); the whole call is checked first.
      const items = f.array("RecentContactItem", Number.MAX_SAFE_INTEGER).map((raw) => {
        if (!isObject(raw)) return f.fail("RecentContactItem[] must be objects");
        const item = new Fields(raw, RECENTCONTACT_CODES);
        const type = item.int("Type");
        if (type !== C2C && type !== GROUP) f.fail("Type must be 1 (C2C) or 2 (group)");
        // The page spells it GroupId (To_Account is for C2C only).
        const peer = type === C2C ? item.str("To_Account") : item.str("GroupId");
        return { type: type as ContactType, peer };
      });
      if (operation === 1) {
        const added = new Set(
          items.map((i) => contactKey(i.type, i.peer)).filter((k) => !acc.contacts.get(k)?.top),
        );
        const pinned = [...acc.contacts.values()].filter((e) => e.top).length;
        if (pinned + added.size > PINNED_MAX)
          throw new TimError(TOO_MANY_PINNED, `at most ${PINNED_MAX} pinned conversations`);
        // A conversation the user does not have yet is added, empty (as a client SDK pin).
        for (const i of items) touchContact(app, acc, i.type, i.peer, 0).top = true;
      } else {
        // Unpinning what is not pinned (or not listed) succeeds (unverified: idempotent).
        for (const i of items) {
          const entry = acc.contacts.get(contactKey(i.type, i.peer));
          if (entry) entry.top = false;
        }
      }
      return { ErrorDisplay: "" };
    },
  },
};
