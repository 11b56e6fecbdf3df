import type {
  ImAdapter,
  ItemResult,
  OperationInput,
  OperationName,
  OperationOutput,
} from "@imgraph/core";
import { createParameterDecorator, ID } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { allow, run } from "../operations.js";
import { outcomes } from "../schema/convert.js";
import type { ItemOutcome } from "../schema/types.js";

/** Every field that acts in an app takes this argument. */
export const APP_ARG = {
  nullable: true,
  description: "The app to act in; the default app when omitted.",
} as const;

/** Operations that answer one result per key (batch writes and per-user reads). */
type BatchOperation = {
  [N in OperationName]: OperationOutput<N> extends ItemResult<unknown>[] ? N : never;
}[OperationName];

/** The app a field acts in (its `app` argument), with the request: the field's way to it. */
export class AppScope {
  constructor(
    readonly ctx: GatewayContext,
    /** The app named; the default app when null or omitted. */
    readonly name: string | null | undefined,
  ) {}

  /** The app's adapter. */
  get adapter(): ImAdapter {
    return this.ctx.apps.get(this.name);
  }

  /** Runs one declared operation in the app: its access rule for the caller, then the call. */
  run<N extends OperationName>(
    operation: N,
    input: OperationInput<N>,
  ): Promise<OperationOutput<N>> {
    return run(this.ctx, this.name, operation, input);
  }

  /** Runs an operation for its effect: the write fields that answer true once it is done. */
  async done<N extends OperationName>(operation: N, input: OperationInput<N>): Promise<true> {
    await this.run(operation, input);
    return true;
  }

  /** Runs a batch operation: one outcome per key, in the order asked. */
  async outcomes<N extends BatchOperation>(
    operation: N,
    input: OperationInput<N>,
  ): Promise<ItemOutcome[]> {
    // A batch operation answers item results; TypeScript cannot see that through N.
    return outcomes((await this.run(operation, input)) as ItemResult<unknown>[]);
  }

  /** Applies an operation's access rule only, for fields that call through a batch loader. */
  allow<N extends OperationName>(operation: N, input: OperationInput<N>): Promise<ImAdapter> {
    return allow(this.ctx, this.name, operation, input);
  }
}

/** Declares the field's `app` argument and hands the resolver its AppScope. */
export function InApp() {
  return createParameterDecorator<GatewayContext>(
    ({ args, context }) => new AppScope(context, args.app),
    { arg: { name: "app", typeFunc: () => ID, options: APP_ARG } },
  );
}
