/**
 * ZIM room attributes (#17 §L8): QueryRoomAttribute, ModifyRoomAttribute, and the
 * attributes CreateRoom starts a room with. Limits per §U11: 16 keys (the default cap, docs_all
 * 929b3bf5c, 2026-07-13; the older "20" text was never re-checked), key ≤ 16 bytes,
 * value ≤ 1024 bytes, ≤ 5120 bytes in all; a key that breaks them is reported in
 * ErrKeyList (SubCode 1 invalid key/value, 2 a room limit reached — guesses, §U17).
 */
import { roomIdParam } from "../ids.js";
import { bytes, type Params } from "../params.js";
import type { ZimRoom } from "../state.js";
import { zimRoom as room, sender } from "./common.js";
import { type ActionTable, zimAction } from "./types.js";

export const ROOM_ATTRIBUTES_MAX = 16;
export const ROOM_ATTRIBUTE_KEY_MAX_BYTES = 16;
export const ROOM_ATTRIBUTE_VALUE_MAX_BYTES = 1024;
export const ROOM_ATTRIBUTES_TOTAL_MAX_BYTES = 5120;

const INVALID = 1;
const LIMIT = 2;

function totalBytes(r: ZimRoom): number {
  let total = 0;
  for (const [key, a] of r.attributes) total += bytes(key) + bytes(a.value);
  return total;
}

/** Sets one key, or answers the SubCode that refuses it. */
function setKey(
  r: ZimRoom,
  key: string,
  value: string,
  autoDelete: boolean,
  owner: string,
): number | undefined {
  if (key === "" || bytes(key) > ROOM_ATTRIBUTE_KEY_MAX_BYTES) return INVALID;
  if (bytes(value) > ROOM_ATTRIBUTE_VALUE_MAX_BYTES) return INVALID;
  const old = r.attributes.get(key);
  if (!old && r.attributes.size >= ROOM_ATTRIBUTES_MAX) return LIMIT;
  const oldBytes = old ? bytes(key) + bytes(old.value) : 0;
  if (totalBytes(r) - oldBytes + bytes(key) + bytes(value) > ROOM_ATTRIBUTES_TOTAL_MAX_BYTES)
    return LIMIT;
  r.attributeSeq += 1;
  r.attributes.set(key, { value, autoDelete, owner, seq: r.attributeSeq });
  return undefined;
}

/** CreateRoom's Attributes: each one counts in AttributeSeq ([RN] 2025-11). */
export function readAttributes(r: ZimRoom, items: Params[], owner: string): void {
  for (const a of items) {
    const key = a.str("Key");
    const value = a.str("Value");
    const autoDelete = (a.optInt("AutoDelete", { min: 0, max: 1 }) ?? 0) === 1;
    if (setKey(r, key, value, autoDelete, owner) !== undefined)
      throw a.fail(`attribute ${key} is invalid or over the room's limits`);
  }
}

export const roomAttributeActions: ActionTable = {
  QueryRoomAttribute: zimAction("POST", (ctx) => {
    sender(ctx); // registered, need not be in the room
    const r = room(ctx, roomIdParam(ctx.p)); // 660300001 for an unknown room (§U14)
    return {
      AttributeSeq: r.attributeSeq,
      Attributes: [...r.attributes].map(([Key, a]) => ({
        Key,
        Value: a.value,
        Seq: a.seq,
        AutoDelete: a.autoDelete ? 1 : 0,
      })),
    };
  }),

  ModifyRoomAttribute: zimAction("POST", (ctx) => {
    const op = sender(ctx);
    const r = room(ctx, roomIdParam(ctx.p));
    const items = ctx.p.objList("Attributes", { required: true });
    // StopOnError: at the top level or on any item (its placement is unverified, §U17).
    const stopOnError =
      ctx.p.optInt("StopOnError", { min: 0, max: 1 }) === 1 ||
      items.some((a) => a.optInt("StopOnError", { min: 0, max: 1 }) === 1);
    const SuccKeyList: Array<{ Key: string; Seq: number }> = [];
    const ErrKeyList: Array<{ SubCode: number; Key: string }> = [];
    for (const a of items) {
      const action = a.int("Action", { min: 0, max: 1 });
      const key = a.str("Key");
      if (stopOnError && ErrKeyList.length > 0) {
        ErrKeyList.push({ SubCode: INVALID, Key: key });
        continue;
      }
      if (action === 1) {
        // Deleting a key the room does not have changes nothing and is no error (unverified).
        if (r.attributes.delete(key)) r.attributeSeq += 1;
        SuccKeyList.push({ Key: key, Seq: r.attributeSeq });
        continue;
      }
      const value = a.optStr("Value") ?? "";
      const autoDelete = (a.optInt("AutoDelete", { min: 0, max: 1 }) ?? 0) === 1;
      const refused = setKey(r, key, value, autoDelete, op.userId);
      if (refused === undefined) SuccKeyList.push({ Key: key, Seq: r.attributeSeq });
      else ErrKeyList.push({ SubCode: refused, Key: key });
    }
    return { AttributeSeq: r.attributeSeq, SuccKeyList, ErrKeyList };
  }),
};
