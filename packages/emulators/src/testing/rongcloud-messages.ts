/** RongCloud test helpers over messages: publishing for a message UID, reading history. */
import { type Form, ok, type PublishKind } from "./rongcloud-client.js";
import type { RcFixture } from "./rongcloud-setup.js";

/** Publishes `message(form)` to `/message/{kind}/publish.json`, answered OK; its first UID. */
export async function publishUid(fx: RcFixture, kind: PublishKind, form: Form = {}) {
  return ok(await fx.rc.publish(kind, form)).messageUIDs[0].messageUID as string;
}

/**
 * `/v3/message/{kind}/query.json` over everything sent so far (`query` adds to or replaces
 * the window); the raw answer.
 */
export const queryHistory = (fx: RcFixture, kind: string, query: Record<string, unknown>) =>
  fx.rc.postJson(`/v3/message/${kind}/query.json`, {
    startTime: 0,
    endTime: fx.emu.now() + 1000,
    includeStart: true,
    ...query,
  });

/** The texts of the `RC:TxtMsg` messages of an OK history answer. */
export const texts = (history: { data: { content: string }[] }): string[] =>
  history.data.map((m) => JSON.parse(m.content).content);
