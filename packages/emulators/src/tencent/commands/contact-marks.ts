/**
 * Conversation marks, recentcontact/mark_contact (intl 1047/53438): per MarkItem, OptType 1
 * sets standard mark bits (SetMark / ClearMark: bit numbers n, 1..64 — bits 1..32 are
 * Tencent's own, bit 1 the star, 33..64 the app's), 2 the custom mark string (≤ 256 bytes),
 * 3 both.
 */
import {
  CUSTOM_MARK_MAX_BYTES,
  contactRef,
  contactRefs,
  entryOf,
  MARK_BITS,
  ownerGroups,
  prune,
  refusal,
  resultItem,
} from "../contact-groups.js";
import { contactKey } from "../contacts.js";
import { TimError } from "../errors.js";
import { isObject, type Json, utf8Bytes } from "../fields.js";
import type { RouteTable } from "../route.js";
import { RECENTCONTACT_CODES } from "./recentcontact.js";

const STANDARD = 1;
const CUSTOM = 2;
const BOTH = 3;

function bits(value: unknown, field: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (!Array.isArray(value)) throw new TimError(50002, `${field} must be an array`);
  let mask = 0n;
  for (const n of value) {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MARK_BITS) {
      throw new TimError(50002, `${field} holds ${String(n)}: bit numbers are 1..64`);
    }
    // Bit n is the client SDKs' mark value 1 << (n - 1): bit 1 is the star (0x1).
    mask |= 1n << BigInt(n - 1);
  }
  return mask;
}

interface MarkChange {
  opt: number;
  set: bigint;
  clear: bigint;
  custom: string | undefined;
}

function change(item: Json, i: number): MarkChange {
  const opt = item.OptType;
  if (opt !== STANDARD && opt !== CUSTOM && opt !== BOTH) {
    throw new TimError(50002, `MarkItem[${i}].OptType must be 1, 2 or 3`);
  }
  const custom = item.CustomMark;
  if (custom !== undefined && typeof custom !== "string") {
    throw new TimError(50002, `MarkItem[${i}].CustomMark must be a string`);
  }
  if (custom !== undefined && utf8Bytes(custom) > CUSTOM_MARK_MAX_BYTES) {
    throw new TimError(50002, `MarkItem[${i}].CustomMark exceeds ${CUSTOM_MARK_MAX_BYTES} bytes`);
  }
  return {
    opt,
    set: bits(item.SetMark, `MarkItem[${i}].SetMark`),
    clear: bits(item.ClearMark, `MarkItem[${i}].ClearMark`),
    custom,
  };
}

export const contactMarkRoutes: RouteTable = {
  "v4/recentcontact/mark_contact": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f, now }) {
      const { acc, data } = ownerGroups(app, f);
      const items = contactRefs(f.raw.MarkItem, "MarkItem");
      if (items.length === 0) f.fail("MarkItem is required (non-empty array)");
      // Checked as a whole first: a malformed item fails the call before any change.
      const parsed = items.map((raw, i) => {
        if (!isObject(raw)) throw new TimError(50002, `MarkItem[${i}] must be an object`);
        return {
          ref: contactRef(raw.ContactItem, `MarkItem[${i}].ContactItem`),
          ...change(raw, i),
        };
      });
      const rows = parsed.map(({ ref, opt, set, clear, custom }) => {
        const extra = { OptType: opt };
        const known = data.contacts.get(contactKey(ref.type, ref.peer));
        // Only clearing: no membership or room under the cap needed, nothing to create.
        const addsNothing = set === 0n && (opt === STANDARD || !custom);
        if (addsNothing && !known) return resultItem(ref, 0, extra);
        const code = addsNothing ? 0 : refusal(app, acc, data, ref);
        if (code !== 0) return resultItem(ref, code, extra);
        const entry = entryOf(data, ref, now);
        // A bit both cleared and set ends set (unverified order: clear, then set).
        if (opt !== CUSTOM) entry.standard = (entry.standard & ~clear) | set;
        if (opt !== STANDARD && custom !== undefined) entry.custom = custom;
        return resultItem(ref, 0, extra);
      });
      prune(data);
      return { ResultItem: rows, ErrorDisplay: "" };
    },
  },
};
