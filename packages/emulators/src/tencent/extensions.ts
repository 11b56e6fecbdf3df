/**
 * Message extensions (docs/vendors/tencent.md §5): key → value pairs on a message sent with
 * SupportMessageExtension 1, at most 20 a request and 300 a message, keys ≤ 100 bytes,
 * values ≤ 1000 bytes. Every change bumps the message's LatestSeq and gives it to the key.
 *
 * Seq: "required when the caller is not the App admin … if Seq does not match, that KV fails
 * [23001] … When the App admin calls, Seq is not checked" (the set pages, intl-repo
 * 设置单聊消息扩展 / 设置群消息扩展). Every REST call is the admin's, so every write here applies
 * unconditionally, whatever Seq it names.
 */
import { TimError } from "./errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "./fields.js";
import type { MessageExtensions } from "./state.js";

export const PER_REQUEST = 20;
export const PER_MESSAGE = 300;
const KEY_MAX_BYTES = 100;
const VALUE_MAX_BYTES = 1000;

export const SET = 1;
export const DELETE = 2;
export const CLEAR = 3;

interface Write {
  key: string;
  value: string;
}

/** OperateType and, for set and delete, the ExtensionList (90001 / 90011 when malformed). */
export function readWrites(f: Fields): { op: number; writes: Write[] } {
  const op = f.int("OperateType");
  if (op !== SET && op !== DELETE && op !== CLEAR) f.fail("OperateType must be 1, 2 or 3");
  if (op === CLEAR) return { op, writes: [] };
  const seen = new Set<string>();
  const writes = f.array("ExtensionList", PER_REQUEST).map((item): Write => {
    const { Key: key, Value: value, Seq: seq } = isObject(item) ? item : {};
    if (typeof key !== "string" || key === "" || utf8Bytes(key) > KEY_MAX_BYTES)
      f.fail(`ExtensionList[].Key must be 1-${KEY_MAX_BYTES} bytes`);
    if (seen.has(key)) f.fail(`ExtensionList repeats the key ${key}`);
    seen.add(key);
    // Deletes carry an empty Value in the samples; it may be left out there.
    const text = value ?? (op === DELETE ? "" : undefined);
    if (typeof text !== "string" || utf8Bytes(text) > VALUE_MAX_BYTES)
      f.fail(`ExtensionList[].Value must be a string of at most ${VALUE_MAX_BYTES} bytes`);
    // Checked for its shape only: the admin's Seq is never compared (see above).
    if (seq !== undefined && (typeof seq !== "number" || !Number.isInteger(seq) || seq < 0))
      f.fail("ExtensionList[].Seq must be a non-negative integer");
    return { key, value: text };
  });
  return { op, writes };
}

export function newExtensions(): MessageExtensions {
  return { latestSeq: 0, clearSeq: 0, items: new Map() };
}

function current(ext: MessageExtensions, key: string): Json {
  const item = ext.items.get(key);
  return { Key: key, Value: item?.value ?? "", Seq: item?.seq ?? 0 };
}

/** Applies a set or delete key by key; answers ExtensionList[]: {ErrorCode, Extension}. */
export function applyWrites(ext: MessageExtensions, op: number, writes: Write[]): Json[] {
  const added = writes.filter((w) => op === SET && !ext.items.has(w.key)).length;
  if (ext.items.size + added > PER_MESSAGE)
    throw new TimError(90011, `a message holds at most ${PER_MESSAGE} extensions`);
  return writes.map((w) => {
    if (op === DELETE) {
      if (ext.items.delete(w.key)) ext.latestSeq++;
      return { ErrorCode: 0, Extension: { Key: w.key, Value: "", Seq: ext.latestSeq } };
    }
    ext.latestSeq++;
    ext.items.set(w.key, { value: w.value, seq: ext.latestSeq });
    return { ErrorCode: 0, Extension: current(ext, w.key) };
  });
}

export function clearAll(ext: MessageExtensions): void {
  ext.items.clear();
  ext.latestSeq++;
  ext.clearSeq = ext.latestSeq;
}

/** get_key_values' answer: every key at Seq ≥ StartSeq, oldest change first, in one page. */
export function readExtensions(ext: MessageExtensions | undefined, startSeq: number): Json {
  const items = [...(ext?.items ?? new Map<string, { value: string; seq: number }>())]
    .filter(([, v]) => v.seq >= startSeq)
    .sort(([, a], [, b]) => a.seq - b.seq)
    .map(([Key, v]) => ({ Key, Value: v.value, Seq: v.seq }));
  return {
    CompleteFlag: 1,
    LatestSeq: ext?.latestSeq ?? 0,
    ClearSeq: ext?.clearSeq ?? 0,
    ExtensionList: items,
  };
}
