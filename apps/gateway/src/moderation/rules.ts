import type {
  MessageContent,
  ModerationDecision,
  PreSendCheck,
  RateLimit,
  RateStore,
} from "@imgraph/core";
import { bucketShape } from "@imgraph/core";
import type { HookConfig } from "./hook.js";
import { ModerationHook } from "./hook.js";
import { WordMatcher } from "./word-matcher.js";

/** One app's moderation rules, from its config (`apps[].moderation`). */
export interface ModerationRules {
  /** Words and phrases that block a message (matched after folding: normalize.ts). */
  blockedWords: string[];
  /** Words and phrases masked with "***" in text messages (the message is rewritten). */
  maskedWords: string[];
  /** Regular expressions (Unicode, case-insensitive) over the text as sent; a match blocks. */
  patterns: string[];
  /** The longest text, in characters; null: no limit of ours. */
  maxTextLength: number | null;
  /** How many messages one sender may send; null: no limit of ours. */
  senderRate: RateLimit | null;
  /** What the sender's client is told when a local rule blocks (vendors that carry a reason). */
  blockReason: string;
  hook: HookConfig | null;
}

/** Which rule decided: for logs, metrics and the MESSAGE_BLOCKED event. */
export type ModerationRule =
  | "none"
  | "size"
  | "sender_rate"
  | "blocked_word"
  | "pattern"
  | "masked_word"
  | "hook"
  | "hook_failed";

export interface Verdict {
  decision: ModerationDecision;
  rule: ModerationRule;
  /** Why the hook failed, when it did (no message text). */
  hookFailure?: string;
}

/** The text the word and pattern rules read: a text's text, a custom message's data. */
function textOf(content: MessageContent): string | null {
  if (content.type === "TEXT") return content.text;
  if (content.type === "CUSTOM") {
    return typeof content.data === "string" ? content.data : JSON.stringify(content.data);
  }
  return null;
}

/** One app's moderator: the local rules in order, then the app's hook. */
export class Moderator {
  readonly #appId: string;
  readonly #rules: ModerationRules;
  readonly #blocked: WordMatcher;
  readonly #masked: WordMatcher;
  readonly #patterns: RegExp[];
  readonly #hook: ModerationHook | null;
  readonly #rate: { store: RateStore; keyPrefix: string } | null;

  constructor(
    appId: string,
    rules: ModerationRules,
    rate: { store: RateStore; keyPrefix: string } | null,
  ) {
    this.#appId = appId;
    this.#rules = rules;
    this.#blocked = new WordMatcher(rules.blockedWords);
    this.#masked = new WordMatcher(rules.maskedWords);
    this.#patterns = rules.patterns.map((p) => new RegExp(p, "iu"));
    this.#hook = rules.hook ? new ModerationHook(rules.hook) : null;
    this.#rate = rules.senderRate ? rate : null;
  }

  /**
   * Decides on one message. `count` is false for a vendor's repeat of a callback already
   * decided, so that repeats do not spend the sender's rate.
   */
  async decide(check: PreSendCheck, count = true): Promise<Verdict> {
    const block = (rule: ModerationRule): Verdict => ({
      decision: { action: "BLOCK", reason: this.#rules.blockReason },
      rule,
    });
    const text = textOf(check.content);
    const max = this.#rules.maxTextLength;
    if (text !== null && max !== null && [...text].length > max) return block("size");
    if (count && !(await this.#withinSenderRate(check.senderId))) return block("sender_rate");
    let rewritten: string | null = null;
    if (text !== null) {
      if (this.#blocked.find(text).length > 0) return block("blocked_word");
      if (this.#patterns.some((p) => p.test(text))) return block("pattern");
      if (check.content.type === "TEXT") rewritten = this.#masked.mask(text);
    }
    const local: Verdict = rewritten
      ? { decision: { action: "REWRITE", text: rewritten }, rule: "masked_word" }
      : { decision: { action: "ALLOW" }, rule: "none" };
    if (!this.#hook || !this.#rules.hook) return local;
    const asked = rewritten
      ? { ...check, content: { type: "TEXT" as const, text: rewritten } }
      : check;
    const answer = await this.#hook.ask(this.#appId, asked);
    if (!answer.ok) {
      const failed =
        this.#rules.hook.failMode === "open"
          ? { ...local, rule: "hook_failed" as const }
          : block("hook_failed");
      return { ...failed, hookFailure: answer.why };
    }
    if (answer.decision.action === "ALLOW") return local;
    if (answer.decision.action === "BLOCK" && !answer.decision.reason) return block("hook");
    return { decision: answer.decision, rule: "hook" };
  }

  async #withinSenderRate(senderId: string): Promise<boolean> {
    const limit = this.#rules.senderRate;
    if (!limit || !this.#rate) return true;
    const key = `${this.#rate.keyPrefix}mod:{${this.#appId}}:${senderId}`;
    try {
      const r = await this.#rate.store.reserve([{ key, ...bucketShapeOf(limit), cost: 1 }], 0);
      return r.ok;
    } catch {
      // The store (Redis) is down: the sender rate is not enforced rather than every send blocked.
      return true;
    }
  }

  close(): Promise<void> {
    return this.#hook?.close() ?? Promise.resolve();
  }
}

/** A sender's limit as a bucket: the whole window's budget may go at once. */
function bucketShapeOf(limit: RateLimit) {
  return bucketShape({ ...limit, counts: "items" });
}
