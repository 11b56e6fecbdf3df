/**
 * MessageType + MessageBody validation (zego.md §2.3). Sizes are UTF-8 bytes; the Message
 * limit is 2 KB by default (multi-item 5 KB), configurable per app.
 */
import { ZegoError, ZIM } from "./errors.js";
import { type OfflinePush, readOfflinePush } from "./offline-push.js";
import { bytes, type Params } from "./params.js";

export const TEXT = 1;
export const COMMAND = 2;
export const MULTI = 10;
export const CUSTOM = 200;
export const POPUP = 20;
const MEDIA = new Set([11, 12, 13, 14]);

/** Peer and group messages; rooms add pop-up (20); SendMessageToAllUsers allows fewer. */
export const PEER_TYPES: ReadonlySet<number> = new Set([1, 2, 10, 11, 12, 13, 14, 200]);
export const ROOM_TYPES: ReadonlySet<number> = new Set([...PEER_TYPES, POPUP]);
export const BROADCAST_TYPES: ReadonlySet<number> = new Set([1, 11, 12, 13, 14, 200]);

export interface ValidMessage {
  msgType: number;
  subMsgType: number;
  body: string;
  extendedData: string;
  isCommand: boolean;
  /** MessageBody.HasReceipt = 1. */
  hasReceipt: boolean;
  /** MessageBody.OfflinePush, when given. */
  offlinePush: OfflinePush | undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fail(p: Params, message: string): ZegoError {
  return p.fail(message);
}

function parseJsonObject(p: Params, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw fail(p, "MessageBody.Message must be a JSON string for this MessageType");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw fail(p, "MessageBody.Message must encode a JSON object");
  }
  return doc as Record<string, unknown>;
}

function url(p: Params, value: unknown, name: string): void {
  if (typeof value !== "string" || value === "" || bytes(value) > 500) {
    throw fail(p, `${name} must be a URL of at most 500 bytes`);
  }
}

function fileName(p: Params, doc: Record<string, unknown>): void {
  const name = doc.FileName;
  if (name !== undefined && (typeof name !== "string" || [...name].length > 150)) {
    throw fail(p, "FileName must be at most 150 characters");
  }
}

/** Media `Message` JSON: image {Origin{Url}}, file/audio/video {Url}. */
function checkMedia(p: Params, type: number, text: string): void {
  const doc = parseJsonObject(p, text);
  if (type === 11) {
    const origin = doc.Origin;
    if (typeof origin !== "object" || origin === null) throw fail(p, "image Message needs Origin");
    url(p, (origin as Record<string, unknown>).Url, "Origin.Url");
  } else {
    url(p, doc.Url, "Url");
  }
  fileName(p, doc);
  if (
    (type === 13 || type === 14) &&
    doc.MediaDuration !== undefined &&
    typeof doc.MediaDuration !== "number"
  ) {
    throw fail(p, "MediaDuration must be a number");
  }
}

/** A multi-item (10) Message: `{MultiMsg: [...]}` of 1 to 20 items. */
export function checkMulti(p: Params, text: string): void {
  const items = parseJsonObject(p, text).MultiMsg;
  if (!Array.isArray(items) || items.length === 0 || items.length > 20) {
    throw fail(p, "MultiMsg must hold 1 to 20 items");
  }
  for (const item of items) {
    const it = item as Record<string, unknown> | null;
    if (typeof it !== "object" || it === null) throw fail(p, "MultiMsg items must be objects");
    if (
      typeof it.MsgType !== "number" ||
      !(it.MsgType === 1 || it.MsgType === 200 || MEDIA.has(it.MsgType))
    ) {
      throw fail(p, "MultiMsg item MsgType must be 1, 11-14 or 200");
    }
    if (typeof it.Msg !== "string") throw fail(p, "MultiMsg item Msg must be a string");
  }
}

export function readMessage(
  p: Params,
  opts: { types: ReadonlySet<number>; maxBytes: number; priority: boolean; room?: boolean },
): ValidMessage {
  const msgType = p.int("MessageType");
  if (!opts.types.has(msgType)) throw fail(p, `MessageType ${msgType} is not allowed here`);
  if (opts.priority) p.int("Priority", { min: 1, max: 3 });
  const mb = p.obj("MessageBody");
  const body = mb.optStr("Message");
  if (body === undefined || body === "") throw fail(p, "MessageBody.Message is required"); // 660000002 (unverified)
  const isBase64 = (mb.optInt("IsBase64", { min: 0, max: 1 }) ?? 0) === 1 && msgType === COMMAND;
  let size = bytes(body);
  if (isBase64) {
    if (!BASE64.test(body))
      throw new ZegoError(ZIM.badBase64, "MessageBody.Message is not valid base64");
    size = Buffer.from(body, "base64").length; // the limit applies to the decoded length
  }
  const limit = msgType === MULTI ? Math.max(5 * 1024, opts.maxBytes) : opts.maxBytes;
  if (size > limit) throw new ZegoError(ZIM.msgTooLarge, `message is larger than ${limit} bytes`);
  const extendedData = mb.optStr("ExtendedData") ?? "";
  if (bytes(extendedData) > 1024)
    throw new ZegoError(ZIM.msgTooLarge, "ExtendedData is larger than 1 KB");
  const receipt = mb.optInt("HasReceipt", { min: 0, max: 1 });
  if (opts.room && receipt !== undefined) {
    throw new ZegoError(ZIM.roomNoReceipt, "room messages do not support receipts");
  }
  const offlinePush = readOfflinePush(mb);
  if (MEDIA.has(msgType)) checkMedia(p, msgType, body);
  if (msgType === MULTI) checkMulti(p, body);
  let subMsgType = 0;
  if (msgType === CUSTOM) {
    subMsgType = p.optInt("SubMsgType", { min: 0, max: 200 }) ?? 0;
    p.optStr("SearchedContent", { maxBytes: 64 });
  }
  return {
    msgType,
    subMsgType,
    body,
    extendedData,
    isCommand: msgType === COMMAND,
    hasReceipt: receipt === 1,
    offlinePush,
  };
}

/** History `MsgBody`: media and multi-item bodies come back as URL-encoded JSON strings (§2.3). */
export function historyBody(msgType: number, body: string): string {
  return MEDIA.has(msgType) || msgType === MULTI ? encodeURIComponent(body) : body;
}

/**
 * A client-SDK send's body as `send_msg` and `before_send_msg` carry it: media (11–14) and
 * multi-item (10) bodies become URL-encoded JSON with snake_case keys (docs_all
 * core_products/zim/en/snippets/MediaMsgBodyDescriptionEn.mdx, MultiMsgBodyDescriptionEn.mdx;
 * `file_size` and `media_duration` are strings). The client's body is kept in the server-API
 * shape `/zim-client/send` takes; `md5` is unknown here (""). Other types, and a body not in
 * that shape (a `new_msg_body` answer, stored verbatim), pass unchanged. Server-API sends
 * (`source` 1) carry their body "as passed" and never come here.
 */
export function clientCallbackBody(msgType: number, body: string): string {
  if (!MEDIA.has(msgType) && msgType !== MULTI) return body;
  const doc = jsonObject(body);
  const out = doc && (msgType === MULTI ? multiCallback(doc) : mediaCallback(msgType, doc));
  return out ? encodeURIComponent(JSON.stringify(out)) : body;
}

function mediaCallback(msgType: number, doc: Record<string, unknown>) {
  const origin = jsonObject(doc.Origin);
  const url = msgType === 11 ? origin?.Url : doc.Url;
  if (typeof url !== "string") return undefined;
  const base = {
    md5: "",
    file_name: typeof doc.FileName === "string" ? doc.FileName : "",
    file_size: String(typeof doc.Size === "number" ? doc.Size : 0),
    download_url: url,
    media_duration: String(typeof doc.MediaDuration === "number" ? doc.MediaDuration : 0),
  };
  const picture = (prefix: string, value: unknown, urlKey = "download_url") => {
    const o = jsonObject(value);
    return o
      ? {
          [`${prefix}_${urlKey}`]: typeof o.Url === "string" ? o.Url : "",
          [`${prefix}_width`]: typeof o.Width === "number" ? o.Width : 0,
          [`${prefix}_height`]: typeof o.Height === "number" ? o.Height : 0,
        }
      : {};
  };
  if (msgType === 11) {
    return {
      ...base,
      origin_image_width: typeof origin?.Width === "number" ? origin.Width : 0,
      origin_image_height: typeof origin?.Height === "number" ? origin.Height : 0,
      ...picture("large_image", doc.LargeImage),
      ...picture("thumbnail", doc.Thumbnail),
    };
  }
  // A video's Thumbnail is its first frame (MessageBody Introduction.mdx, video message).
  return msgType === 14 ? { ...base, ...picture("video_first_frame", doc.Thumbnail) } : base;
}

/** `{multi_msg: [{msg_type, sub_msg_type (custom only), callback_content}]}`. */
function multiCallback(doc: Record<string, unknown>) {
  if (!Array.isArray(doc.MultiMsg)) return undefined;
  const multi_msg = doc.MultiMsg.map((item) => {
    const it = jsonObject(item) ?? {};
    const type = typeof it.MsgType === "number" ? it.MsgType : 0;
    const msg = typeof it.Msg === "string" ? it.Msg : "";
    const media = MEDIA.has(type) ? jsonObject(msg) : undefined;
    return {
      msg_type: type,
      ...(type === CUSTOM ? { sub_msg_type: it.SubMsgType ?? 0 } : {}),
      callback_content: (media && mediaCallback(type, media)) ?? msg,
    };
  });
  return { multi_msg };
}

function jsonObject(value: unknown): Record<string, unknown> | undefined {
  let doc = value;
  if (typeof value === "string") {
    try {
      doc = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof doc === "object" && doc !== null && !Array.isArray(doc)
    ? (doc as Record<string, unknown>)
    : undefined;
}
