/**
 * Raw-HTTP test client for the RongCloud emulator, built from the vendor reference only:
 * signs with @imgraph/signing and POSTs form (repeated keys for arrays) or JSON bodies.
 */
import { signRongCloudRequest } from "@imgraph/signing";

export type FormValue = string | number | boolean | undefined | (string | number)[];
export type Form = Record<string, FormValue>;

export interface RcResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected freely
  body: any;
}

export function formBody(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  return params.toString();
}

/**
 * The form of a message send: from "a", a custom `X:Y` message with content "c", unless the
 * test says otherwise (each field of `form` wins).
 */
export function message(form: Form = {}): Form {
  return { fromUserId: "a", objectName: "X:Y", content: "c", ...form };
}

/** The fields of an `RC:TxtMsg` with this text. */
export function textMessage(text: string) {
  return { objectName: "RC:TxtMsg", content: JSON.stringify({ content: text }) };
}

/** The conversation kinds of `/message/{kind}/publish.json`. */
export type PublishKind = "private" | "group" | "system" | "chatroom";

export interface RcClientOptions {
  url: string;
  appKey: string;
  appSecret: string;
}

export function rcClient(opts: RcClientOptions) {
  const send = async (
    path: string,
    body: string,
    contentType: string,
    headers?: Record<string, string>,
  ) => {
    const res = await fetch(`${opts.url}${path}`, {
      method: "POST",
      headers: {
        ...signRongCloudRequest({ appKey: opts.appKey, appSecret: opts.appSecret }),
        "Content-Type": contentType,
        ...headers,
      },
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed } as RcResponse;
  };
  return {
    /** Form-encoded POST, signed. */
    post: (path: string, form: Form = {}, headers?: Record<string, string>) =>
      send(path, formBody(form), "application/x-www-form-urlencoded", headers),
    /** Raw form string (for bracketed keys etc.). */
    postRaw: (path: string, body: string, headers?: Record<string, string>) =>
      send(path, body, "application/x-www-form-urlencoded", headers),
    /** JSON POST, signed. */
    postJson: (path: string, json: unknown, headers?: Record<string, string>) =>
      send(path, JSON.stringify(json), "application/json", headers),
    /** Form POST of `message(form)` to `/message/{kind}/publish.json`. */
    publish: (kind: PublishKind, form: Form = {}) =>
      send(
        `/message/${kind}/publish.json`,
        formBody(message(form)),
        "application/x-www-form-urlencoded",
      ),
  };
}

export type RcClient = ReturnType<typeof rcClient>;

/** Expect a successful `{code: 200}` answer and return its body. */
export function ok(res: RcResponse) {
  if (res.status !== 200 || res.body?.code !== 200) {
    throw new Error(`expected 200/200, got HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}
