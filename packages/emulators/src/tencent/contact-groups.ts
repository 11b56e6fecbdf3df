/**
 * Each user's conversation groups and marks (docs/vendors/tencent.md §1.4), kept apart from
 * the recent-contact list as Tencent keeps them: up to 20 named groups per user, and per
 * conversation a 64-bit standard mark, a custom mark string and the groups it is in. At most
 * 1000 conversations of a user carry groups or marks (51008).
 */
import { C2C, type ContactType, contactKey, GROUP } from "./contacts.js";
import { TimError } from "./errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "./fields.js";
import type { Account, AppState } from "./state.js";

/** recentcontact's group/mark codes (intl 1047/34348, "Error codes for recent contacts"). */
export const TOO_MANY_CONTACTS = 51006;
export const NOT_MEMBER = 51007;
export const CONTACT_CAP_REACHED = 51008;
export const NO_SUCH_GROUP = 51009;
export const GROUP_CAP_REACHED = 51010;
export const NAME_TOO_LONG = 51011;

export const GROUPS_MAX = 20;
export const CONTACTS_MAX = 1000;
export const NAME_MAX_BYTES = 32;
/** MarkItem / ContactItem entries a call (mark_contact's table; 51006's advice). */
export const ITEMS_PER_CALL = 100;
export const CUSTOM_MARK_MAX_BYTES = 256;
/**
 * Standard mark bits are numbered 1..64 (mark_contact, intl 1047/53438: "Bit 1: favorite";
 * the first 32 Tencent's, the last 32 the app's own). Kept as a 64-bit number whose bit n is
 * the client SDKs' value 1 << (n - 1).
 */
export const MARK_BITS = 64;

export interface ContactGroup {
  id: number;
  name: string;
}

/** One conversation that carries groups or marks. */
export interface MarkedContact {
  type: ContactType;
  peer: string;
  /** Standard mark bits, as a 64-bit number. */
  standard: bigint;
  custom: string;
  groupIds: Set<number>;
  /** Last change, unix seconds. */
  timestamp: number;
}

export interface ContactGroupData {
  /** In creation order. */
  groups: ContactGroup[];
  nextGroupId: number;
  /** By contactKey, in the order first grouped or marked. */
  contacts: Map<string, MarkedContact>;
}

// Keyed by the account object: a re-imported account starts without the old groups.
const byAccount = new WeakMap<Account, ContactGroupData>();

function groupDataOf(acc: Account): ContactGroupData {
  let data = byAccount.get(acc);
  if (!data) {
    data = { groups: [], nextGroupId: 1, contacts: new Map() };
    byAccount.set(acc, data);
  }
  return data;
}

/**
 * Conversation groups and marks need the Pro edition or higher (the pages' note; "旗舰版",
 * Ultimate, on the older pages): 51013 otherwise (mark_contact and get_contact_group pages).
 */
function requirePro(app: AppState): void {
  if (app.config.edition === "trial" || app.config.edition === "standard") {
    throw new TimError(51013, "conversation groups and marks need the Pro edition or higher");
  }
}

/** The owner of the groups: From_Account, 50001 when never imported. */
function owner(app: AppState, f: Fields): Account {
  const id = f.str("From_Account");
  const acc = app.accounts.get(id);
  if (!acc) throw new TimError(50001, `From_Account ${id} is not imported`);
  return acc;
}

/**
 * What every conversation group and mark command starts with: the edition check, then the
 * owner (From_Account) and their groups.
 */
export function ownerGroups(app: AppState, f: Fields): { acc: Account; data: ContactGroupData } {
  requirePro(app);
  const acc = owner(app, f);
  return { acc, data: groupDataOf(acc) };
}

/** A group name: 1-32 bytes (51011 when longer). */
export function groupName(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TimError(50002, `${field} is required (string)`);
  }
  if (utf8Bytes(value) > NAME_MAX_BYTES) {
    throw new TimError(NAME_TOO_LONG, `${field} exceeds ${NAME_MAX_BYTES} bytes`);
  }
  return value;
}

export function findGroup(data: ContactGroupData, name: string): ContactGroup {
  const group = data.groups.find((g) => g.name === name);
  if (!group) throw new TimError(NO_SUCH_GROUP, `conversation group ${name} does not exist`);
  return group;
}

/** A ContactItem {Type, To_Account | ToGroupId}; 50002 when malformed. */
export interface ContactRef {
  type: ContactType;
  peer: string;
  /** What the request sent, answered back as is. */
  item: Json;
}

export function contactRef(value: unknown, field: string): ContactRef {
  if (!isObject(value)) throw new TimError(50002, `${field} must be an object`);
  const type = value.Type;
  if (type !== C2C && type !== GROUP) throw new TimError(50002, `${field}.Type must be 1 or 2`);
  // The delete page spells ToGroupid; the group pages ToGroupId: both accepted.
  const peer = type === C2C ? value.To_Account : (value.ToGroupId ?? value.ToGroupid);
  if (typeof peer !== "string" || peer === "") {
    throw new TimError(50002, `${field} names no ${type === C2C ? "To_Account" : "ToGroupId"}`);
  }
  return { type, peer, item: value };
}

/** A list of ContactItem: at most 100 (51006). */
export function contactRefs(value: unknown, field: string, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new TimError(50002, `${field} must be an array`);
  if (value.length > ITEMS_PER_CALL) {
    throw new TimError(TOO_MANY_CONTACTS, `${field} has more than ${ITEMS_PER_CALL} items`);
  }
  return value;
}

/**
 * Why `acc` may not group or mark this conversation (a per-item ResultCode), or 0: a group
 * conversation needs membership (51007), a one-to-one peer an imported account (50001,
 * unverified), and a new conversation room under the 1000 cap (51008).
 */
export function refusal(app: AppState, acc: Account, data: ContactGroupData, ref: ContactRef) {
  if (ref.type === GROUP) {
    if (!app.groups.get(ref.peer)?.members.has(acc.userId)) return NOT_MEMBER;
  } else if (!app.accounts.has(ref.peer) || ref.peer === acc.userId) {
    return 50001;
  }
  const known = data.contacts.has(contactKey(ref.type, ref.peer));
  return !known && data.contacts.size >= CONTACTS_MAX ? CONTACT_CAP_REACHED : 0;
}

/** The conversation's entry, created empty when missing. */
export function entryOf(data: ContactGroupData, ref: ContactRef, now: number): MarkedContact {
  const key = contactKey(ref.type, ref.peer);
  let entry = data.contacts.get(key);
  if (!entry) {
    const fresh = { standard: 0n, custom: "", groupIds: new Set<number>(), timestamp: now };
    entry = { type: ref.type, peer: ref.peer, ...fresh };
    data.contacts.set(key, entry);
  }
  entry.timestamp = now;
  return entry;
}

/** Drops entries that no longer carry a group or a mark (they leave the 1000 count). */
export function prune(data: ContactGroupData): void {
  for (const [key, e] of data.contacts) {
    if (e.groupIds.size === 0 && e.standard === 0n && e.custom === "") data.contacts.delete(key);
  }
}

export function resultItem(ref: ContactRef, code: number, extra: Json = {}): Json {
  return {
    ...extra,
    ContactItem: ref.item,
    ResultCode: code,
    ResultInfo: code === 0 ? "" : `refused with ${code}`,
  };
}

/**
 * StandardMark as get_contact_group answers it: a bit string (doocs: "bit位字符串, eg:
 * 011111110"). Which end is bit 1 is unverified: written as a binary number, bit 1 last.
 */
export function markString(bits: bigint): string {
  return bits.toString(2);
}

/** The bit numbers (1..64, as SetMark names them) set in a 64-bit mark, ascending. */
export function markBits(bits: bigint): number[] {
  const out: number[] = [];
  for (let n = 1; n <= MARK_BITS; n++) if ((bits >> BigInt(n - 1)) & 1n) out.push(n);
  return out;
}

/** One conversation as get_contact_group and search_contact_group answer it. */
export function contactView(e: MarkedContact): Json {
  return {
    Type: e.type,
    ...(e.type === C2C ? { To_Account: e.peer } : { ToGroupId: e.peer }),
    StandardMark: markString(e.standard),
    ...(e.custom !== "" ? { CustomMark: e.custom } : {}),
    ...(e.groupIds.size > 0 ? { ContactGroupId: [...e.groupIds].sort((a, b) => a - b) } : {}),
    Timestamp: e.timestamp,
  };
}

export function groupItems(data: ContactGroupData): Json[] {
  return data.groups.map((g) => ({ GroupName: g.name, GroupId: g.id }));
}

/**
 * For GET /__emulator/state: `conversationGroups` (user → their groups and the conversations
 * carrying groups or marks; `MarkBits` lists the standard mark's set bit positions).
 */
export function contactGroupDump(app: AppState): Json {
  const out: Record<string, Json> = {};
  for (const acc of app.accounts.values()) {
    const data = byAccount.get(acc);
    if (!data || (data.groups.length === 0 && data.contacts.size === 0)) continue;
    out[acc.userId] = {
      GroupItem: groupItems(data),
      ContactItem: [...data.contacts.values()].map((e) => ({
        ...contactView(e),
        MarkBits: markBits(e.standard),
      })),
    };
  }
  return { conversationGroups: out };
}
