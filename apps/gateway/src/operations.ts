import {
  type CallOptions,
  type Group,
  type ImAdapter,
  OPERATIONS,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  withProgress,
} from "@imgraph/core";
import { type AccessContext, authorize } from "./auth/access.js";
import { isMember } from "./auth/membership.js";
import { callOptions, type GatewayContext } from "./context.js";
import { staleAfter } from "./read-cache/invalidation.js";
import { progressPublisher } from "./realtime/progress.js";
import { writeEvents } from "./realtime/write-events.js";

/**
 * Runs one declared operation for a resolver: picks the app (the default when none is
 * named), applies the operation's declared access rule for this caller, then calls the
 * adapter with the request's deadline and id. The one way resolvers reach a vendor.
 */
export async function run<N extends OperationName>(
  ctx: GatewayContext,
  app: string | null | undefined,
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  return runOn(ctx, ctx.apps.get(app), name, input);
}

/** The same, for an adapter already picked (fields of a parent that named the app). */
export async function runOn<N extends OperationName>(
  ctx: GatewayContext,
  adapter: ImAdapter,
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  await authorize(accessOf(ctx, adapter), name, input);
  return callAllowed(ctx, adapter, name, input);
}

/**
 * Calls an operation whose access rule this caller has already passed (`allow`): the
 * adapter call with the read cache, progress events and the write's events around it.
 */
export async function callAllowed<N extends OperationName>(
  ctx: GatewayContext,
  adapter: ImAdapter,
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  const options = callOptions(ctx);
  const method = adapter[name] as unknown as (
    input: OperationInput<N>,
    options: CallOptions,
  ) => Promise<OperationOutput<N>>;
  // A batch operation tells its caller how far it has got (OPERATION_PROGRESS events).
  const report = OPERATIONS[name].batch ? progressPublisher(ctx, adapter, name) : undefined;
  const cache = ctx.apps.cache;
  if (name === "getGroup" && cache?.cachesGroups) {
    const cached = await cache.group(adapter.info.id, input as string);
    if (cached) return cached as OperationOutput<N>;
  }
  const call = () => method.call(adapter, input, options);
  let output: OperationOutput<N>;
  try {
    output = await (report ? withProgress(report, call) : call());
  } finally {
    // A write may have been applied even when it failed: what it touches is stale either way.
    if (cache && OPERATIONS[name].kind === "write") {
      await cache.forget(adapter.info.id, staleAfter(name, input));
    }
  }
  if (name === "getGroup" && output)
    await cache?.putGroup(adapter.info.id, output as unknown as Group);
  await publishWrite(ctx, adapter, name, input, output);
  return output;
}

/**
 * Publishes the events of a write made through the gateway (see write-events.ts). The write
 * has happened: a failure to publish is logged, never turned into a failed mutation.
 */
async function publishWrite<N extends OperationName>(
  ctx: GatewayContext,
  adapter: ImAdapter,
  name: N,
  input: OperationInput<N>,
  output: OperationOutput<N>,
): Promise<void> {
  const pubsub = ctx.events;
  if (!pubsub) return;
  const events = writeEvents(adapter, name, input, output);
  if (events.length === 0) return;
  try {
    for (const event of events) {
      // Where the vendor calls back an edit as a send, that send is not news after this.
      if (event.type === "MESSAGE_EDITED" && event.messageId)
        await ctx.apps.sightings.editedHere(adapter, event.messageId);
    }
    await pubsub.publish(adapter.info.id, events);
  } catch (err) {
    ctx.log.warn({ err, operation: name }, "could not publish the events of a write");
  }
}

/**
 * Applies an operation's declared access rule and returns the app's adapter, for resolvers
 * that then go through the request's batch loader (which calls the operation itself).
 */
export async function allow<N extends OperationName>(
  ctx: GatewayContext,
  app: string | null | undefined,
  name: N,
  input: OperationInput<N>,
): Promise<ImAdapter> {
  const adapter = ctx.apps.get(app);
  await authorize(accessOf(ctx, adapter), name, input);
  return adapter;
}

// Membership answers per request: a group read and its members field ask once.
const memberships = new WeakMap<object, Map<string, Promise<boolean>>>();

function accessOf(ctx: GatewayContext, adapter: ImAdapter): AccessContext {
  return {
    viewer: ctx.viewer,
    adapter,
    options: callOptions(ctx),
    isMember(a, groupId, userId, options) {
      let known = memberships.get(ctx.meta);
      if (!known) {
        known = new Map();
        memberships.set(ctx.meta, known);
      }
      const key = `${a.info.id}\u0000${groupId}\u0000${userId}`;
      let answer = known.get(key);
      if (!answer) {
        answer = isMember(a, groupId, userId, options);
        known.set(key, answer);
      }
      return answer;
    },
  };
}
