import { createHash } from "node:crypto";
import {
  BadUserInputError,
  checkEncodedSize,
  checkInt,
  checkText,
  checkUrl,
  fileContent,
  imageContent,
  type JsonValue,
  knownSize,
  type MessageContent,
  type OutgoingContent,
  parseJsonValue,
  unknownContentType,
} from "@imgraph/core";
import { num } from "./context.js";
import { MSG_BODY_MAX_BYTES } from "./limits.js";

/** One element of a Tencent MsgBody (tencent.md §3.8). */
export interface MsgElement {
  MsgType: string;
  MsgContent: Record<string, unknown>;
}

const URL_MAX_BYTES = 1024;
const CUSTOM_TYPE_MAX_CHARS = 64;

// ImageFormat codes: 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other.
const IMAGE_FORMATS: Record<string, number> = { jpg: 1, jpeg: 1, gif: 2, png: 3, bmp: 4 };
// ImageInfoArray Type: 1 original, 2 large, 3 thumbnail.
const ORIGINAL = 1;
const LARGE = 2;
const THUMBNAIL = 3;

/** Tencent wants a UUID per media element; a hash of the URL is stable and unique enough. */
function uuidOf(url: string): string {
  return createHash("sha1").update(url).digest("hex");
}

function imageFormat(url: string): number {
  const ext = new URL(url).pathname.split(".").pop()?.toLowerCase() ?? "";
  return IMAGE_FORMATS[ext] ?? 255;
}

function optionalSize(field: string, value: number | undefined): number {
  return value === undefined ? 0 : checkInt(field, value, { min: 0, max: 2 ** 32 - 1 });
}

/**
 * Neutral content → MsgBody. Custom content keeps the app's JSON as `Data` (what client
 * SDKs read) and its type name in `Ext`: `Desc` is the element's push text, so a type name
 * there would show up in notifications.
 */
export function toMsgBody(
  content: OutgoingContent,
  pushText?: string,
  field = "content",
): MsgElement[] {
  let element: MsgElement;
  switch (content?.type) {
    case "TEXT":
      checkText(`${field}.text`, content.text, {});
      element = { MsgType: "TIMTextElem", MsgContent: { Text: content.text } };
      break;
    case "CUSTOM":
      checkText(`${field}.customType`, content.customType, { maxChars: CUSTOM_TYPE_MAX_CHARS });
      if (content.data === undefined) {
        throw new BadUserInputError(`${field}.data`, `${field}.data must be JSON.`);
      }
      element = {
        MsgType: "TIMCustomElem",
        MsgContent: {
          Data: JSON.stringify(content.data),
          Ext: content.customType,
          ...(pushText !== undefined ? { Desc: pushText } : {}),
        },
      };
      break;
    case "IMAGE": {
      const url = checkUrl(`${field}.url`, content.url, URL_MAX_BYTES);
      const thumb =
        content.thumbnailUrl === undefined
          ? url
          : checkUrl(`${field}.thumbnailUrl`, content.thumbnailUrl, URL_MAX_BYTES);
      const size = optionalSize(`${field}.sizeBytes`, content.sizeBytes);
      const width = optionalSize(`${field}.width`, content.width);
      const height = optionalSize(`${field}.height`, content.height);
      // Client SDKs show the large and thumbnail entries: without a thumbnail, the original.
      element = {
        MsgType: "TIMImageElem",
        MsgContent: {
          UUID: uuidOf(url),
          ImageFormat: imageFormat(url),
          ImageInfoArray: [
            { Type: ORIGINAL, Size: size, Width: width, Height: height, URL: url },
            { Type: LARGE, Size: size, Width: width, Height: height, URL: url },
            { Type: THUMBNAIL, Size: 0, Width: 0, Height: 0, URL: thumb },
          ],
        },
      };
      break;
    }
    case "FILE": {
      const url = checkUrl(`${field}.url`, content.url, URL_MAX_BYTES);
      const name = checkText(`${field}.name`, content.name, { maxBytes: 255 });
      element = {
        MsgType: "TIMFileElem",
        MsgContent: {
          Url: url,
          UUID: uuidOf(url),
          FileSize: optionalSize(`${field}.sizeBytes`, content.sizeBytes),
          FileName: name,
          Download_Flag: 2,
        },
      };
      break;
    }
    default:
      throw unknownContentType(field);
  }
  const body = [element];
  checkEncodedSize(field, JSON.stringify(body), MSG_BODY_MAX_BYTES);
  return body;
}

/** A stored MsgBody → neutral content; anything without a neutral form is UNKNOWN. */
export function fromMsgBody(body: unknown): MessageContent {
  const elements = Array.isArray(body) ? (body as unknown[]).filter(isElement) : [];
  if (elements.length > 1 && elements.every((e) => e.MsgType === "TIMTextElem")) {
    return { type: "TEXT", text: elements.map((e) => String(e.MsgContent.Text ?? "")).join("") };
  }
  const [only] = elements;
  if (elements.length === 1 && only) {
    const mapped = fromElement(only);
    if (mapped) return mapped;
  }
  return {
    type: "UNKNOWN",
    vendorType: elements.map((e) => e.MsgType).join("+"),
    raw: JSON.stringify(body ?? null),
  };
}

function fromElement(e: MsgElement): MessageContent | null {
  const c = e.MsgContent;
  switch (e.MsgType) {
    case "TIMTextElem":
      return typeof c.Text === "string" ? { type: "TEXT", text: c.Text } : null;
    case "TIMCustomElem": {
      if (typeof c.Data !== "string") return null;
      const customType = typeof c.Ext === "string" ? c.Ext : "";
      return { type: "CUSTOM", customType, data: customData(c.Data) };
    }
    case "TIMImageElem": {
      const infos = Array.isArray(c.ImageInfoArray)
        ? (c.ImageInfoArray as Array<Record<string, unknown>>)
        : [];
      const byType = (t: number) => infos.find((i) => Number(i?.Type) === t);
      const original = byType(ORIGINAL) ?? byType(LARGE) ?? infos[0];
      const url = typeof original?.URL === "string" ? original.URL : undefined;
      if (!url) return null;
      const thumb = byType(THUMBNAIL)?.URL;
      return imageContent(url, {
        width: knownSize(num(original?.Width)),
        height: knownSize(num(original?.Height)),
        sizeBytes: knownSize(num(original?.Size)),
        thumbnailUrl: typeof thumb === "string" && thumb !== url ? thumb : undefined,
      });
    }
    case "TIMFileElem": {
      if (typeof c.Url !== "string") return null;
      const name = typeof c.FileName === "string" ? c.FileName : undefined;
      return fileContent(c.Url, name, knownSize(num(c.FileSize)));
    }
    default:
      return null;
  }
}

function isElement(value: unknown): value is MsgElement {
  const v = value as MsgElement | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.MsgType === "string" &&
    typeof v.MsgContent === "object" &&
    v.MsgContent !== null
  );
}

/** Data that is not JSON (sent by a client SDK as plain text) comes back as a string. */
function customData(raw: string): JsonValue {
  const parsed = parseJsonValue(raw);
  return parsed === undefined ? raw : parsed;
}
