/**
 * MsgBody validation (tencent.md §3.8): an array of `{MsgType, MsgContent}` with at most
 * one TIMCustomElem, each element carrying its type's key fields, and a size cap.
 */
import { TimError } from "./errors.js";
import { isObject, type Json, utf8Bytes } from "./fields.js";

/**
 * 8 KB (SDK header) vs 12 KB (current docs) is unverified: we take the tolerant 12 KB,
 * measured on the UTF-8 JSON of MsgBody.
 */
export const MAX_MSGBODY_BYTES = 12 * 1024;

type Kind = "string" | "number" | "array";

/** Fields each element must carry; others are accepted as sent (unverified details). */
const REQUIRED: Record<string, Record<string, Kind>> = {
  TIMTextElem: { Text: "string" },
  TIMLocationElem: { Latitude: "number", Longitude: "number" },
  TIMFaceElem: { Index: "number" },
  TIMCustomElem: { Data: "string" },
  TIMSoundElem: { Url: "string" },
  TIMImageElem: { ImageInfoArray: "array" },
  TIMFileElem: { Url: "string" },
  TIMVideoFileElem: { VideoUrl: "string" },
  // Merged-forward messages: fields not researched, any content accepted.
  TIMRelayElem: {},
};

export interface MsgBodyCodes {
  /** MsgBody is not a non-empty array. */
  notArray: number;
  /** An element is malformed. */
  element: number;
  /** MsgBody is over MAX_MSGBODY_BYTES. */
  tooLarge: number;
}

/** openim: 90007 not an array, 90002 bad element, 93000 too long (80002 is the generic alias). */
export const C2C_MSGBODY: MsgBodyCodes = { notArray: 90007, element: 90002, tooLarge: 93000 };
export const GROUP_MSGBODY: MsgBodyCodes = { notArray: 10004, element: 10004, tooLarge: 80002 };

export function validateMsgBody(
  value: unknown,
  codes: MsgBodyCodes,
  sensitiveWords: string[],
): Json[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TimError(codes.notArray, "MsgBody must be a non-empty array");
  }
  let customs = 0;
  for (const [i, el] of value.entries()) {
    if (!isObject(el) || typeof el.MsgType !== "string" || !isObject(el.MsgContent)) {
      throw new TimError(codes.element, `MsgBody[${i}] needs MsgType and MsgContent`);
    }
    const required = REQUIRED[el.MsgType];
    if (!required)
      throw new TimError(codes.element, `MsgBody[${i}].MsgType ${el.MsgType} is unknown`);
    if (el.MsgType === "TIMCustomElem" && ++customs > 1) {
      throw new TimError(codes.element, "MsgBody holds more than one TIMCustomElem");
    }
    for (const [field, kind] of Object.entries(required)) {
      const v = el.MsgContent[field];
      const ok = kind === "array" ? Array.isArray(v) : typeof v === kind;
      if (!ok)
        throw new TimError(codes.element, `MsgBody[${i}].MsgContent.${field} must be a ${kind}`);
    }
    const text = el.MsgContent.Text;
    if (typeof text === "string" && sensitiveWords.some((w) => w !== "" && text.includes(w))) {
      throw new TimError(80001, "text contains sensitive words");
    }
  }
  if (utf8Bytes(JSON.stringify(value)) > MAX_MSGBODY_BYTES) {
    throw new TimError(codes.tooLarge, `MsgBody is over ${MAX_MSGBODY_BYTES} bytes`);
  }
  return value as Json[];
}
