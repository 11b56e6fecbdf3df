/** The Tencent response envelope: always HTTP 200 with ActionStatus/ErrorCode/ErrorInfo. */
import type { VendorAnswer } from "../framework/index.js";
import { stringifyAnswer } from "./uint64.js";

export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

/** Profile and relationship-chain (sns) answers also carry ErrorDisplay (§2.4). */
export function hasErrorDisplay(routeKey: string): boolean {
  return routeKey.startsWith("v4/profile/") || routeKey.startsWith("v4/sns/");
}

export function okAnswer(
  routeKey: string,
  fields: Record<string, unknown> | undefined,
  app?: string,
): VendorAnswer {
  const body: Record<string, unknown> = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" };
  if (hasErrorDisplay(routeKey)) body.ErrorDisplay = "";
  return answer({ ...body, ...fields }, 200, app);
}

export function failAnswer(
  routeKey: string,
  code: number,
  info: string,
  app?: string,
  status = 200,
): VendorAnswer {
  const body: Record<string, unknown> = { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info };
  if (hasErrorDisplay(routeKey)) body.ErrorDisplay = "";
  return answer(body, status, app);
}

function answer(body: Record<string, unknown>, status: number, app?: string): VendorAnswer {
  const a: VendorAnswer = { status, headers: { ...JSON_HEADERS }, body: stringifyAnswer(body) };
  if (app !== undefined) a.app = app;
  return a;
}
