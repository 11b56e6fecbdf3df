/**
 * The ZEGO answer envelope (zego.md §1.5): HTTP 200 and JSON `{Code, Message, RequestId}`;
 * ZIM puts results at the top level, RTC nests them under `Data`.
 */
import type { VendorAnswer } from "../framework/index.js";

export type Product = "zim" | "rtc";

const HEADERS = { "content-type": "application/json; charset=utf-8" };

/** RequestIds are digit strings in most doc examples. */
export class RequestIds {
  private counter = 0;
  next(now: number): string {
    this.counter = (this.counter + 1) % 1_000_000;
    return `${now}${String(this.counter).padStart(6, "0")}`;
  }
}

export function envelope(
  product: Product,
  requestId: string,
  code: number,
  message: string,
  fields: Record<string, unknown> | undefined,
  app?: string,
  status = 200,
): VendorAnswer {
  const base: Record<string, unknown> = { Code: code, Message: message, RequestId: requestId };
  if (fields !== undefined) {
    if (product === "rtc") base.Data = fields;
    else Object.assign(base, fields);
  }
  // HTTP status on errors is unverified (§1.5): always 200, success is the in-body Code.
  return {
    status,
    headers: HEADERS,
    body: JSON.stringify(base),
    ...(app !== undefined ? { app } : {}),
  };
}
