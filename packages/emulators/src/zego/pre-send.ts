/**
 * ZIM's before_send_msg callback (docs/vendors/zego.md #18): a synchronous, signed POST to
 * the app's callback URL asking about a client-SDK message. The app answers
 * `{result, reason?, new_payload?, new_msg_body?}`: 0 neutral and 1 send; 2 silent (the
 * sender is told "sent", nobody receives it); 3 do not send; any other value is neutral.
 * Each attempt waits `timeoutMs` (2.5 s); a failed attempt (timeout, connection error,
 * non-2xx) is retried once at once; a second failure is an "exception", which the caller
 * resolves with the app's fallback (default: not sent).
 */
import type { ZegoCallbacks } from "./callbacks.js";
import type { AppState } from "./state.js";

export type PreSendVerdict =
  | { kind: "send" | "silent"; newBody?: string; newPayload?: string }
  | { kind: "reject"; reason: string }
  | { kind: "failed"; why: string };

/** The business fields of one before_send_msg (the signed common fields are added). */
export type PreSendFields = {
  request_id: string;
  from_user_id: string;
  conv_id: string;
  conv_type: number;
  msg_id: string;
  payload: string;
  msg_type: number;
  sub_msg_type: number;
  msg_body: string;
};

/** One attempt's outcome: an answer to read, or why there is none. */
type Attempt = { ok: true; body: string } | { ok: false; why: string };

export class PreSendAsker {
  private readonly aborts = new Set<AbortController>();
  /** Every question asked, with what came of it (state dumps and tests read it). */
  readonly log: { appId: number; fields: PreSendFields; attempts: number; verdict: string }[] = [];

  constructor(private readonly callbacks: ZegoCallbacks) {}

  async ask(app: AppState, url: string, fields: PreSendFields): Promise<PreSendVerdict> {
    const { timeoutMs } = app.config.beforeSend;
    let last: Attempt = { ok: false, why: "not asked" };
    // The first attempt and one immediate retry; each attempt is signed afresh (unverified).
    for (let attempt = 0; attempt < 2; attempt++) {
      last = await this.post(
        url,
        this.callbacks.signedBody(app, "before_send_msg", fields),
        timeoutMs,
      );
      if (last.ok) break;
    }
    return last.ok ? readAnswer(last.body) : { kind: "failed", why: last.why };
  }

  private async post(url: string, body: string, timeoutMs: number): Promise<Attempt> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: abort.signal,
      });
      const text = await res.text();
      if (res.status < 200 || res.status >= 300) return { ok: false, why: `HTTP ${res.status}` };
      return { ok: true, body: text };
    } catch (err) {
      return { ok: false, why: abort.signal.aborted ? "timeout" : (err as Error).message };
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  /** Give up every question under way (the emulator is closing). */
  close(): void {
    for (const abort of this.aborts) abort.abort();
  }
}

/**
 * A 2xx answer. The docs define the values of `result` only; a body that is not a JSON
 * object counts as the app's failure (unverified), a missing or unknown result as neutral.
 */
export function readAnswer(text: string): PreSendVerdict {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { kind: "failed", why: "the answer is not JSON" };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    return { kind: "failed", why: "the answer is not a JSON object" };
  const a = doc as Record<string, unknown>;
  const result = Number(a.result);
  if (result === 3) return { kind: "reject", reason: typeof a.reason === "string" ? a.reason : "" };
  // An empty replacement changes nothing (tolerant: an empty message cannot be sent anyway).
  const newBody = nonEmpty(a.new_msg_body);
  const newPayload = typeof a.new_payload === "string" ? a.new_payload : undefined;
  return {
    kind: result === 2 ? "silent" : "send",
    ...(newBody !== undefined ? { newBody } : {}),
    ...(newPayload !== undefined ? { newPayload } : {}),
  };
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
