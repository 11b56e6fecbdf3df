import { createHmac } from "node:crypto";
import type { ModerationDecision, PreSendCheck } from "@imgraph/core";
import { Agent, request } from "undici";
import { AddressRanges } from "../realtime/addresses.js";
import { guardedLookup, literalHostAllowed } from "./network-guard.js";

/** The app's own moderation service, asked after the local rules allow a message. */
export interface HookConfig {
  url: string;
  /** Within the vendor's callback timeout, with room for the answer's way back. */
  timeoutMs: number;
  /** What a slow, failed or nonsensical answer means: allow (open) or block (closed). */
  failMode: "open" | "closed";
  /** Private or local ranges the hook may reach anyway (named on purpose in the config). */
  allowNetworks: string[];
  /** Signs each request (HMAC-SHA256 of `<timestamp>.<body>`), so the service knows us. */
  secret?: string;
}

export type HookAnswer = { ok: true; decision: ModerationDecision } | { ok: false; why: string };

const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_REASON = 200;

/** One hook: a connection pool whose lookups refuse disallowed addresses. */
export class ModerationHook {
  readonly #config: HookConfig;
  readonly #agent: Agent;
  readonly #url: URL;
  /** An IP-literal host outside the allowed networks (no lookup happens to catch it). */
  readonly #literalRefused: boolean;

  constructor(config: HookConfig) {
    this.#config = config;
    const allowed = new AddressRanges(config.allowNetworks);
    this.#url = new URL(config.url);
    this.#literalRefused = !literalHostAllowed(this.#url.hostname, allowed);
    this.#agent = new Agent({
      connect: { lookup: guardedLookup(allowed), timeout: config.timeoutMs },
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      keepAliveTimeout: 30_000,
    });
  }

  async ask(appId: string, check: PreSendCheck): Promise<HookAnswer> {
    if (this.#literalRefused) {
      return { ok: false, why: "hook address outside the allowed networks" };
    }
    const body = JSON.stringify({
      app: appId,
      senderId: check.senderId,
      conversation: check.conversation,
      content: check.content,
      vendorMessageKey: check.vendorMessageKey,
    });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.#config.secret) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const mac = createHmac("sha256", this.#config.secret).update(`${timestamp}.${body}`);
      headers["x-imgraph-timestamp"] = timestamp;
      headers["x-imgraph-signature"] = `sha256=${mac.digest("hex")}`;
    }
    try {
      const response = await request(this.#url, {
        method: "POST",
        headers,
        body,
        dispatcher: this.#agent,
        signal: AbortSignal.timeout(this.#config.timeoutMs),
      });
      let text = "";
      for await (const chunk of response.body) {
        text += chunk;
        if (text.length > MAX_ANSWER_BYTES) {
          response.body.destroy();
          return { ok: false, why: "answer too large" };
        }
      }
      if (response.statusCode !== 200) return { ok: false, why: `HTTP ${response.statusCode}` };
      return readAnswer(text);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return {
        ok: false,
        why:
          code === "EADDRNOTALLOWED"
            ? "hook address outside the allowed networks"
            : (error as Error).name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT"
              ? "timed out"
              : "unreachable",
      };
    }
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

/** `{"action":"ALLOW"}`, `{"action":"BLOCK","reason":"…"}` or `{"action":"REWRITE","text":"…"}`. */
function readAnswer(text: string): HookAnswer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, why: "answer is not JSON" };
  }
  const answer = value as { action?: unknown; reason?: unknown; text?: unknown };
  if (answer?.action === "ALLOW") return { ok: true, decision: { action: "ALLOW" } };
  if (answer?.action === "BLOCK") {
    const reason = typeof answer.reason === "string" ? answer.reason.slice(0, MAX_REASON) : "";
    return { ok: true, decision: { action: "BLOCK", reason } };
  }
  if (answer?.action === "REWRITE" && typeof answer.text === "string") {
    return { ok: true, decision: { action: "REWRITE", text: answer.text } };
  }
  return { ok: false, why: "answer is not a decision" };
}
