import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import {
  BadUserInputError,
  type ImAdapter,
  type ImEvent,
  UnauthenticatedError,
  type WebhookAck,
  type WebhookResult,
} from "@imgraph/core";
import type { Logger } from "pino";
import type { AppRegistry } from "../apps.js";
import { readBody, TOO_LARGE } from "../http/body.js";
import type { Route } from "../http/route.js";
import type { WebhookReason } from "../metrics.js";
import type { Moderation } from "../moderation/service.js";
import type { ReadCache } from "../read-cache/read-cache.js";
import { foldPresence, MemoryPresenceStore, type PresenceStore } from "./presence.js";
import type { PubSub } from "./pubsub.js";
import type { ReplayStore } from "./replay.js";
import type { WebhookGuard } from "./webhook-guard.js";

/** Where vendor callbacks arrive: `/webhooks/<app id>`. */
export const WEBHOOK_PREFIX = "/webhooks/";
export const WEBHOOK_PATH = /^\/webhooks\/([A-Za-z][A-Za-z0-9_-]{0,31})\/?$/;

export interface WebhookDeps {
  apps: AppRegistry;
  pubsub: PubSub;
  replay: ReplayStore;
  log: Logger;
  bodyLimitBytes: number;
  /** Source-address and client-certificate checks per app; none when absent. */
  guard?: WebhookGuard;
  /** A published callback's presence reports: published, and folded into the user's (metrics). */
  onPresence?: (appId: string, published: number, folded: number) => void;
  /** Called once a callback's events were accepted (benchmarks, tests). */
  onAccepted?: (result: WebhookResult, receivedAt: number) => void;
  /** How each callback to a configured app ended (metrics). */
  onOutcome?: (appId: string, reason: WebhookReason) => void;
  /** Answers vendors' pre-send callbacks; without it every message is allowed. */
  moderation?: Moderation;
  /** Cached reads a callback's events make stale. */
  cache?: ReadCache;
  /** Users' connections, to publish presence per user (`presence.ts`); this route's own when absent. */
  presence?: PresenceStore;
}

/**
 * `POST /webhooks/:app`: a vendor callback in, neutral events out to the PubSub.
 *
 * - Forged, stale (signature, time window, wrong app) or malformed → 401, as the issue asks:
 *   a body we cannot read is not an authenticated callback either. Nothing is published,
 *   and the answer says nothing about why (the log does, and tells malformed apart).
 * - Before the body is read, the app's guard (when configured) checks the source address
 *   and the client certificate: a vendor whose signature binds no body (Tencent) is only
 *   as trustworthy as these (see the README's security section).
 * - Replays. The vendors' signatures do not cover the body, so the replay store keeps a
 *   fingerprint of the body with each signature (replay key):
 *   - the same key with the same body is the vendor retrying a delivery whose answer it
 *     missed (or someone replaying it verbatim): answered with the vendor's success ack,
 *     nothing published again — so "a retried delivery is not published twice" holds and
 *     the vendor stops retrying;
 *   - the same key with another body is a captured signature on a forged body → 401,
 *     nothing published — this is the "replayed → 401" case;
 *   - the same key still being published elsewhere → 503, so the vendor retries later.
 * - Success is answered only after the PubSub accepted every event; if it did not, the
 *   claim is released and the answer is 503, so the vendor's retry can deliver it.
 * - Presence is published per user, not per connection (`presence.ts`).
 * - Where a vendor's edits come back as sends, a send of a message already heard of is an
 *   edit or nothing (`message-sightings.ts`).
 */
export function webhookRoute(deps: WebhookDeps): Route {
  const presence = deps.presence ?? new MemoryPresenceStore();
  return async ({ req, res, url, requestId }) => {
    const match = WEBHOOK_PATH.exec(url.pathname);
    if (!match) return null;
    const adapter = findApp(deps.apps, match[1] as string);
    if (!adapter?.parseWebhook) {
      send(res, plain(404, "Not found."));
      return { outcome: "webhook", status: res.statusCode };
    }
    const appId = adapter.info.id;
    const done = (reason: WebhookReason, events = 0) => {
      deps.onOutcome?.(appId, reason);
      return { outcome: "webhook", status: res.statusCode, app: appId, reason, events };
    };
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      send(res, plain(405, "Method not allowed."));
      return done("bad_method");
    }
    const log = deps.log.child({ requestId, webhook: appId });
    const verdict = deps.guard?.check(appId, req) ?? { ok: true };
    if (!verdict.ok) {
      req.resume();
      log.warn({ reason: verdict.reason, source: verdict.source }, "callback refused");
      send(
        res,
        verdict.status === 401
          ? refusal(adapter, 401, "Callback not authenticated.")
          : refusal(adapter, 503, "Callback could not be accepted; retry later."),
      );
      return done(verdict.status === 401 ? "source_refused" : "unavailable");
    }
    const body = await readBody(req, deps.bodyLimitBytes);
    if (body === TOO_LARGE) {
      send(res, refusal(adapter, 413, "Callback body too large."));
      return done("too_large");
    }
    const receivedAt = Date.now();
    let result: WebhookResult;
    try {
      result = adapter.parseWebhook({
        method: req.method,
        query: url.searchParams,
        headers: req.headers,
        rawBody: body,
        receivedAt,
      });
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        log.warn({ reason: error.message }, "callback refused");
        send(res, refusal(adapter, 401, "Callback not authenticated."));
        return done("unauthenticated");
      }
      if (error instanceof BadUserInputError) {
        log.warn({ reason: error.message, field: error.field }, "malformed callback");
        send(res, refusal(adapter, 401, "Callback not authenticated."));
        return done("malformed");
      }
      log.error({ err: error }, "callback reader failed");
      send(res, refusal(adapter, 500, "Internal error."));
      return done("internal_error");
    }

    const print = createHash("sha256").update(body).digest("base64url");
    let outcome: Awaited<ReturnType<ReplayStore["claim"]>>;
    try {
      outcome = await deps.replay.claim(result.replayKey, print, result.replayWindowMs);
    } catch (error) {
      log.error({ error: (error as Error).message }, "replay store unavailable");
      send(res, refusal(adapter, 503, "Callback could not be accepted; retry later."));
      return done("unavailable");
    }
    if (outcome === "conflict") {
      log.warn("callback refused: signature reused on another body");
      send(res, refusal(adapter, 401, "Callback not authenticated."));
      return done("signature_reused");
    }
    if (result.preSend) {
      // A pre-send check: decided now, within the vendor's timeout. A repeat of the same
      // delivery (the vendor retrying) is decided again without spending the sender's rate.
      const repeat = outcome !== "claimed";
      const decision = deps.moderation
        ? await deps.moderation.decide(appId, result.preSend.check, repeat)
        : { action: "ALLOW" as const };
      if (!repeat) {
        await deps.replay
          .complete(result.replayKey, print, result.replayWindowMs)
          .catch((error: unknown) => log.warn({ error: (error as Error).message }, "replay store"));
      }
      send(res, result.preSend.answer(decision));
      return done("decided");
    }
    if (outcome === "done") {
      log.info({ events: 0 }, "callback already delivered: acknowledged again");
      send(res, result.ack);
      return done("redelivered");
    }
    if (outcome === "pending") {
      send(res, refusal(adapter, 503, "Callback being processed; retry later."));
      return done("unavailable");
    }
    // The vendor says these changed: cached reads of them go before anyone hears of it.
    await deps.cache?.forgetEvents(appId, result.events);
    let events: typeof result.events;
    let undoSightings = async () => {};
    try {
      const told = await deps.apps.sightings.fold(adapter, result.events);
      undoSightings = told.undo;
      events = await foldPresence(presence, appId, told.events);
      await deps.pubsub.publish(appId, events);
    } catch (error) {
      await undoSightings().catch(() => undefined);
      await deps.replay.release(result.replayKey).catch(() => undefined);
      log.error({ err: error }, "events not accepted by the presence store or the pubsub");
      send(res, refusal(adapter, 503, "Events could not be accepted; retry later."));
      return done("unavailable");
    }
    // Published: acknowledge even if marking it done fails (the pending claim then still
    // keeps a retry from being published again, and answers it 503 until it expires).
    await deps.replay
      .complete(result.replayKey, print, result.replayWindowMs)
      .catch((error: unknown) => log.warn({ error: (error as Error).message }, "replay store"));
    const reported = countPresence(result.events);
    if (reported > 0) {
      const published = countPresence(events);
      deps.onPresence?.(appId, published, reported - published);
    }
    deps.onAccepted?.(result, receivedAt);
    log.debug({ events: events.map((e) => e.type) }, "callback accepted");
    send(res, result.ack);
    return done("delivered", events.length);
  };
}

function countPresence(events: readonly ImEvent[]): number {
  return events.filter((e) => e.type === "PRESENCE_CHANGED").length;
}

function findApp(apps: AppRegistry, id: string): ImAdapter | undefined {
  try {
    return apps.get(id);
  } catch {
    return undefined;
  }
}

function plain(status: number, message: string): WebhookAck {
  return {
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ error: message }),
  };
}

function refusal(adapter: ImAdapter, status: number, message: string): WebhookAck {
  return adapter.webhookRefusal?.(status, message) ?? plain(status, message);
}

function send(res: ServerResponse, ack: WebhookAck): void {
  res.writeHead(ack.status, { "content-type": ack.contentType, "cache-control": "no-store" });
  res.end(ack.body);
}
