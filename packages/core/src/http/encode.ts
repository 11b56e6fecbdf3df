import { stringifyJson } from "./exact-integers.js";
import type { QueryParams, RequestBody } from "./types.js";

/** Appends params to a search string; arrays repeat the key (`a=1&a=2`). */
export function appendParams(search: URLSearchParams, params: QueryParams | undefined): void {
  if (!params) return;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else {
      search.append(key, String(value));
    }
  }
}

export function encodeBody(body: RequestBody | undefined): {
  payload: string | undefined;
  contentType: string | undefined;
} {
  if (!body) return { payload: undefined, contentType: undefined };
  if (body.type === "json") {
    return { payload: stringifyJson(body.value), contentType: "application/json" };
  }
  const search = new URLSearchParams();
  appendParams(search, body.fields);
  return {
    payload: search.toString(),
    contentType: "application/x-www-form-urlencoded; charset=utf-8",
  };
}
