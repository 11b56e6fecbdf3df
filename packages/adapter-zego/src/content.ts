import { randomBytes } from "node:crypto";
import {
  checkEncodedSize,
  checkInt,
  checkPushText,
  checkText,
  checkUrl,
  fileContent,
  imageContent,
  isJsonObject,
  type JsonValue,
  knownSize,
  type MessageContent,
  type OutgoingContent,
  parseJsonValue,
  unknownContentType,
} from "@imgraph/core";
import {
  CUSTOM_TYPE_MAX_CHARS,
  FILE_NAME_MAX_CHARS,
  MEDIA_URL_MAX_BYTES,
  PUSH_TEXT_MAX_BYTES,
} from "./limits.js";

/** ZIM MessageType values (§2.3). */
export const MSG_TEXT = 1;
export const MSG_IMAGE = 11;
export const MSG_FILE = 12;
export const MSG_CUSTOM = 200;
const SUB_TYPE_MAX = 200;

/** A message as ZIM's send Actions take it. */
export interface ZegoContent {
  MessageType: number;
  /** Custom messages only. */
  SubMsgType?: number;
  /** MessageBody.Message: text, or a JSON string for media and custom messages. */
  Message: string;
}

/**
 * The fields every ZIM send Action shares (peer, group, all users): the content, and an
 * offline push (MessageBody.OfflinePush) when there is a push text.
 */
export function messageFields(content: ZegoContent, pushText: string | undefined) {
  const checked = checkPushText(pushText, PUSH_TEXT_MAX_BYTES);
  const push = checked === undefined ? {} : { OfflinePush: { Enable: 1, Content: checked } };
  return {
    MessageType: content.MessageType,
    ...(content.SubMsgType !== undefined ? { SubMsgType: content.SubMsgType } : {}),
    MessageBody: { Message: content.Message, ...push },
  };
}

/**
 * Custom content: a customType of "0".."200" is ZIM's own SubMsgType and the data is
 * the body, so ZIM client SDKs read it natively. Any other name travels in this wrapper
 * (SubMsgType 0), since ZIM keeps no type name a history query gives back.
 */
const NAMED = "imgraphType";

const DECIMAL_SUB_TYPE = /^(0|[1-9][0-9]{0,2})$/;

/** Maps neutral content to ZIM's types; checks it against ZIM's limits first. */
export function toZego(content: OutgoingContent, maxBytes: number, field = "content"): ZegoContent {
  let out: ZegoContent;
  switch (content?.type) {
    case "TEXT":
      out = { MessageType: MSG_TEXT, Message: checkText(`${field}.text`, content.text, {}) };
      break;
    case "IMAGE": {
      const url = checkUrl(`${field}.url`, content.url, MEDIA_URL_MAX_BYTES);
      const width = optionalInt(`${field}.width`, content.width);
      const height = optionalInt(`${field}.height`, content.height);
      const size = optionalInt(`${field}.sizeBytes`, content.sizeBytes);
      const thumbnail =
        content.thumbnailUrl === undefined
          ? undefined
          : checkUrl(`${field}.thumbnailUrl`, content.thumbnailUrl, MEDIA_URL_MAX_BYTES);
      // Width/Height 0 stand for "unknown" (tolerant of a server that wants them present).
      out = {
        MessageType: MSG_IMAGE,
        Message: JSON.stringify({
          Uid: mediaUid(),
          Origin: { Url: url, Width: width ?? 0, Height: height ?? 0 },
          ...(thumbnail ? { Thumbnail: { Url: thumbnail, Width: 0, Height: 0 } } : {}),
          FileName: fileNameOf(url),
          ...(size !== undefined ? { Size: size } : {}),
        }),
      };
      break;
    }
    case "FILE": {
      const url = checkUrl(`${field}.url`, content.url, MEDIA_URL_MAX_BYTES);
      const name = checkText(`${field}.name`, content.name, { maxChars: FILE_NAME_MAX_CHARS });
      const size = optionalInt(`${field}.sizeBytes`, content.sizeBytes);
      out = {
        MessageType: MSG_FILE,
        Message: JSON.stringify({
          Uid: mediaUid(),
          Url: url,
          FileName: name,
          ...(size !== undefined ? { Size: size } : {}),
        }),
      };
      break;
    }
    case "CUSTOM": {
      const customType = checkText(`${field}.customType`, content.customType, {
        maxChars: CUSTOM_TYPE_MAX_CHARS,
      });
      const data = content.data === undefined ? null : content.data;
      if (DECIMAL_SUB_TYPE.test(customType) && Number(customType) <= SUB_TYPE_MAX) {
        out = {
          MessageType: MSG_CUSTOM,
          SubMsgType: Number(customType),
          Message: JSON.stringify(data),
        };
      } else {
        out = {
          MessageType: MSG_CUSTOM,
          SubMsgType: 0,
          Message: JSON.stringify({ [NAMED]: customType, data }),
        };
      }
      break;
    }
    default:
      throw unknownContentType(field);
  }
  checkEncodedSize(field, out.Message, maxBytes, "ZEGO");
  return out;
}

/** Reads a ZIM message body (history, callbacks) back into neutral content. */
export function fromZego(
  msgType: number,
  subMsgType: number | undefined,
  body: string,
): MessageContent {
  switch (msgType) {
    case MSG_TEXT:
      return { type: "TEXT", text: body };
    // Two body shapes: a server-API send's (`{Origin{Url}}` / `{Url, FileName, Size}`), and
    // a client-SDK send's as callbacks carry it (docs_all en/snippets/
    // MediaMsgBodyDescriptionEn.mdx: `download_url`, `file_name`, `file_size` a string, ...).
    case MSG_IMAGE: {
      const o = asObject(parseBody(body));
      const origin = asObject(o?.Origin);
      const url = str(origin?.Url) || str(o?.download_url);
      if (!url) break;
      const thumbnail = str(asObject(o?.Thumbnail)?.Url) || str(o?.thumbnail_download_url);
      return imageContent(url, {
        width: sizeOf(origin?.Width ?? o?.origin_image_width),
        height: sizeOf(origin?.Height ?? o?.origin_image_height),
        sizeBytes: sizeOf(o?.Size ?? o?.file_size),
        thumbnailUrl: thumbnail || undefined,
      });
    }
    case MSG_FILE: {
      const o = asObject(parseBody(body));
      const url = str(o?.Url) || str(o?.download_url);
      if (!url) break;
      return fileContent(
        url,
        str(o?.FileName) ?? str(o?.file_name),
        sizeOf(o?.Size ?? o?.file_size),
      );
    }
    case MSG_CUSTOM: {
      const parsed = parseBody(body);
      const o = asObject(parsed);
      if (o && typeof o[NAMED] === "string" && Object.keys(o).length === 2 && "data" in o) {
        return { type: "CUSTOM", customType: o[NAMED] as string, data: o.data as JsonValue };
      }
      return { type: "CUSTOM", customType: String(subMsgType ?? 0), data: parsed ?? body };
    }
  }
  return { type: "UNKNOWN", vendorType: String(msgType), raw: body };
}

/** Stored bodies: media ones come back URL-encoded (§2.3), others plain. */
function parseBody(raw: string): JsonValue | undefined {
  const plain = parseJsonValue(raw);
  if (plain !== undefined) return plain;
  const decoded = safeDecode(raw);
  return decoded === undefined ? undefined : parseJsonValue(decoded);
}

/** ZIM's URL-encoded text ("+" a space, as forms write it); undefined when it is not. */
export function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, "%20"));
  } catch {
    return undefined;
  }
}

function optionalInt(field: string, value: number | undefined): number | undefined {
  return value === undefined ? undefined : checkInt(field, value, { min: 0 });
}

/** ZIM media bodies carry a file id (`Uid`); server sends have none, so we make one. */
function mediaUid(): string {
  return randomBytes(8).toString("hex");
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // keep the raw segment
  }
  return [...(name || "image")].slice(0, FILE_NAME_MAX_CHARS).join("");
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return isJsonObject(value) ? value : undefined;
}

/** A known size, as a number or (client-SDK `file_size`) its decimal digits. */
function sizeOf(value: unknown): number | undefined {
  return knownSize(
    typeof value === "string" && /^[0-9]{1,15}$/.test(value) ? Number(value) : value,
  );
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
