import { type ImEvent, parseJsonObject } from "@imgraph/core";

/** Events on the wire between instances: JSON, dates as ISO strings. */
export function encodeEvent(event: ImEvent): string {
  return JSON.stringify(event);
}

/** The inverse of encodeEvent; null for anything that is not an event we sent. */
export function decodeEvent(text: string): ImEvent | null {
  const value = parseJsonObject(text);
  if (!value) return null;
  const event = value as unknown as ImEvent & { at: unknown };
  if (typeof event.type !== "string" || typeof event.appId !== "string") return null;
  event.at = new Date(event.at as unknown as string);
  if (event.type === "MESSAGE_SENT") {
    event.message.sentAt = new Date(event.message.sentAt as unknown as string);
  }
  return event;
}
