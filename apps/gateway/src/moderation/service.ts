import type { ModerationDecision, PreSendCheck, RateStore } from "@imgraph/core";
import type { Logger } from "pino";
import type { AppConfig } from "../config/types.js";
import type { PubSub } from "../realtime/pubsub.js";
import { type ModerationRules, Moderator, type Verdict } from "./rules.js";

export interface ModerationDeps {
  /** Where per-sender buckets live (Redis when configured: shared by instances). */
  store: RateStore;
  keyPrefix: string;
  pubsub: PubSub;
  log: Logger;
  /** Each decision (metrics). */
  onDecision?: (appId: string, verdict: Verdict) => void;
}

/**
 * The gateway's answer to vendors' pre-send callbacks: each app's rules (an app without
 * any allows everything), every decision logged without the message's text, and a
 * MESSAGE_BLOCKED event to admin subscribers for each block.
 */
export class Moderation {
  readonly #moderators = new Map<string, Moderator>();
  readonly #deps: ModerationDeps;

  constructor(rules: ReadonlyMap<string, ModerationRules>, deps: ModerationDeps) {
    this.#deps = deps;
    for (const [appId, r] of rules) {
      this.#moderators.set(
        appId,
        new Moderator(appId, r, { store: deps.store, keyPrefix: deps.keyPrefix }),
      );
    }
  }

  /**
   * Decides on one message of an app. `repeat`: the vendor asked about this very callback
   * before (a retry), so the sender's rate is not spent again.
   */
  async decide(appId: string, check: PreSendCheck, repeat = false): Promise<ModerationDecision> {
    const started = performance.now();
    const moderator = this.#moderators.get(appId);
    const verdict: Verdict = moderator
      ? await moderator.decide(check, !repeat)
      : { decision: { action: "ALLOW" }, rule: "none" };
    this.#deps.onDecision?.(appId, verdict);
    this.#deps.log.info(
      {
        moderation: {
          app: appId,
          action: verdict.decision.action,
          rule: verdict.rule,
          senderId: check.senderId,
          conversation: check.conversation,
          contentType: check.content.type,
          ...(verdict.hookFailure ? { hookFailure: verdict.hookFailure } : {}),
          ms: Math.round((performance.now() - started) * 100) / 100,
        },
      },
      "pre-send decision",
    );
    if (verdict.decision.action === "BLOCK" && !repeat) {
      await this.#deps.pubsub
        .publish(appId, [
          {
            type: "MESSAGE_BLOCKED",
            appId,
            at: new Date(),
            senderId: check.senderId,
            conversation: check.conversation,
            rule: verdict.rule,
            reason: verdict.decision.reason,
          },
        ])
        .catch((error: unknown) =>
          this.#deps.log.warn({ error: (error as Error).message }, "MESSAGE_BLOCKED not published"),
        );
    }
    return verdict.decision;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#moderators.values()].map((m) => m.close()));
  }
}

/** The apps' moderation rules from the config, by app id (apps without rules left out). */
export function moderationRules(apps: readonly AppConfig[]): Map<string, ModerationRules> {
  return new Map(apps.flatMap((a) => (a.moderation ? [[a.id, a.moderation] as const] : [])));
}
