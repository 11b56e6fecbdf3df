/**
 * MessageBody.OfflinePush (MessageBody introduction, "OfflinePush introduction"): the
 * notification an offline receiver's device shows. The page gives types but no sizes, so
 * only types and ranges are checked (sizes unverified: tolerant).
 */
import type { Params } from "./params.js";

export interface OfflinePush {
  /** Enable 1: push; 0 (the default) does not. */
  enable: boolean;
  title: string | null;
  content: string | null;
  payload: string | null;
}

export function readOfflinePush(body: Params): OfflinePush | undefined {
  const push = body.optObj("OfflinePush");
  if (!push) return undefined;
  const enable = push.optInt("Enable", { min: 0, max: 1 }) ?? 0;
  const title = push.optStr("Title") ?? null;
  const content = push.optStr("Content") ?? null;
  const payload = push.optStr("Payload") ?? null;
  // SendMessageToAllUsers only (the page's warning); accepted elsewhere too (unverified).
  push.optStr("PushStrategyId");
  push.optObj("PushImageInfo");
  push.optBool("EnableBadge");
  // "values exceeding 99 will be treated as 99": only negatives are wrong.
  push.optInt("BadgeIncrement", { min: 0 });
  push.optStr("ThreadId");
  return { enable: enable === 1, title, content, payload };
}
