import {
  BadUserInputError,
  checkEncodedSize,
  checkInt,
  checkText,
  checkUrl,
  fileContent,
  imageContent,
  isJsonObject,
  type JsonValue,
  type MessageContent,
  type OutgoingContent,
  parseJsonValue,
  unknownContentType,
} from "@imgraph/core";
import { CONTENT_MAX_BYTES, OBJECT_NAME_MAX_CHARS } from "./limits.js";

/** A message as RongCloud's publish endpoints take it. */
export interface RongCloudBody {
  objectName: string;
  content: string;
}

/** Maps neutral content to RongCloud's built-in types (custom types keep their own name). */
export function toRongCloud(content: OutgoingContent, field = "content"): RongCloudBody {
  let body: RongCloudBody;
  switch (content.type) {
    case "TEXT":
      checkText(`${field}.text`, content.text, {});
      body = { objectName: "RC:TxtMsg", content: JSON.stringify({ content: content.text }) };
      break;
    case "IMAGE":
      checkUrl(`${field}.url`, content.url, 1024);
      // RC:ImgMsg has no size field: sizeBytes is checked like the others, then not sent.
      for (const key of ["width", "height", "sizeBytes"] as const) {
        if (content[key] !== undefined) checkInt(`${field}.${key}`, content[key], { min: 0 });
      }
      // RC:ImgMsg wants a base64 thumbnail in `content`; we have only URLs.
      body = {
        objectName: "RC:ImgMsg",
        content: JSON.stringify({
          content: "",
          imageUri: content.url,
          ...(content.width !== undefined ? { width: content.width } : {}),
          ...(content.height !== undefined ? { height: content.height } : {}),
          ...(content.thumbnailUrl ? { thumbnailUri: content.thumbnailUrl } : {}),
        }),
      };
      break;
    case "FILE": {
      checkUrl(`${field}.url`, content.url, 1024);
      if (content.sizeBytes !== undefined)
        checkInt(`${field}.sizeBytes`, content.sizeBytes, { min: 0 });
      checkText(`${field}.name`, content.name, { maxChars: 255 });
      const extension = content.name.includes(".") ? (content.name.split(".").pop() ?? "") : "";
      body = {
        objectName: "RC:FileMsg",
        content: JSON.stringify({
          name: content.name,
          size: content.sizeBytes ?? 0,
          type: extension,
          fileUrl: content.url,
        }),
      };
      break;
    }
    case "CUSTOM":
      checkText(`${field}.customType`, content.customType, { maxChars: OBJECT_NAME_MAX_CHARS });
      if (content.customType.startsWith("RC:")) {
        throw new BadUserInputError(
          `${field}.customType`,
          `${field}.customType must not start with "RC:" (reserved for RongCloud's own types).`,
        );
      }
      body = { objectName: content.customType, content: JSON.stringify(content.data ?? null) };
      break;
    default:
      throw unknownContentType(field);
  }
  checkEncodedSize(field, body.content, CONTENT_MAX_BYTES);
  return body;
}

/** Reads a stored RongCloud message back into neutral content. */
export function fromRongCloud(objectName: string, raw: string): MessageContent {
  const parsed = parseJsonValue(raw);
  const fields: Record<string, JsonValue> = isJsonObject(parsed) ? parsed : {};
  const str = (v: JsonValue | undefined) => (typeof v === "string" ? v : undefined);
  const num = (v: JsonValue | undefined) => (typeof v === "number" ? v : undefined);
  switch (objectName) {
    case "RC:TxtMsg":
      return { type: "TEXT", text: str(fields.content) ?? "" };
    case "RC:ImgMsg": {
      const url = str(fields.imageUri);
      if (!url) break;
      return imageContent(url, {
        width: num(fields.width),
        height: num(fields.height),
        thumbnailUrl: str(fields.thumbnailUri),
      });
    }
    case "RC:FileMsg": {
      const url = str(fields.fileUrl);
      if (!url) break;
      return fileContent(url, str(fields.name), num(fields.size));
    }
    default:
      if (!objectName.startsWith("RC:") && parsed !== undefined) {
        return { type: "CUSTOM", customType: objectName, data: parsed };
      }
  }
  return { type: "UNKNOWN", vendorType: objectName, raw };
}
