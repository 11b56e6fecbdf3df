import type { ImAdapter, OperationName, ProgressReporter } from "@imgraph/core";
import type { Viewer } from "../auth/viewer.js";
import type { GatewayContext } from "../context.js";

/** Progress events are sent at most this often per operation (the last one always). */
const EVERY_MS = 250;

/** Whose progress an event is: the end user, or the admin key / subject. */
export function callerIdOf(viewer: Viewer): string | null {
  if (viewer.role === "USER") return `user:${viewer.userId}`;
  if (viewer.role === "ADMIN") return `admin:${viewer.name}`;
  return null;
}

/**
 * A reporter that publishes OPERATION_PROGRESS events for the caller of one operation, at
 * most every 250 ms and always at the end; undefined where nobody could receive them.
 */
export function progressPublisher(
  ctx: GatewayContext,
  adapter: ImAdapter,
  operation: OperationName,
): ProgressReporter | undefined {
  const pubsub = ctx.events;
  const callerId = callerIdOf(ctx.viewer);
  if (!pubsub || !callerId) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < EVERY_MS) return;
    last = now;
    const event = {
      type: "OPERATION_PROGRESS" as const,
      appId: adapter.info.id,
      at: new Date(now),
      requestId: ctx.requestId,
      operation,
      done,
      total,
      callerId,
    };
    pubsub.publish(adapter.info.id, [event]).catch((err: unknown) => {
      ctx.log.warn({ err, operation }, "could not publish an operation's progress");
    });
  };
}
