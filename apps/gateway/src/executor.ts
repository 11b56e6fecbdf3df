import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  printSchema,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/** A query document runs this many times on graphql-js before it is compiled. */
const RUNS_BEFORE_COMPILING = 1;

/**
 * Runs operations for Apollo (through its executor hook, the `gateway` option): a query
 * that clients send again is compiled once with graphql-jit and then runs as compiled
 * code; everything else runs on graphql-js as usual. Apollo still parses, validates, runs
 * the plugins (limits, logging) and formats errors.
 *
 * Why: graphql-js walks every field of every list item generically; for a 500-profile
 * answer that walk was most of the gateway's time (bench/, BENCHMARKS.md). Compiling only
 * repeated documents keeps the cost of a one-off query (and of a client sending endless
 * distinct ones) at graphql-js's; the compiled form lives as long as Apollo's cached
 * parse of the document. Mutations and subscriptions stay on graphql-js: they are one
 * vendor call each, and their inputs include `@oneOf`, which graphql-js enforces.
 */
export function jitExecutor(
  schema: GraphQLSchema,
  options: { onCompile?: (operationName: string | null) => void } = {},
): GatewayInterface {
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  const planFor = (document: DocumentNode, operationName: string | null): Plan => {
    let byName = plans.get(document);
    if (!byName) {
      byName = new Map();
      plans.set(document, byName);
    }
    const key = operationName ?? "";
    let plan = byName.get(key);
    if (!plan) {
      plan = { runs: 0, compiled: undefined };
      byName.set(key, plan);
    }
    return plan;
  };

  const executor = async (request: {
    document: DocumentNode;
    operationName?: string | null;
    operation?: { operation: string };
    request: { variables?: Record<string, unknown> | null };
    context: unknown;
  }): Promise<ExecutionResult> => {
    const { document, context } = request;
    const operationName = request.operationName ?? null;
    const variables = request.request.variables ?? {};
    if (request.operation?.operation === "query") {
      const plan = planFor(document, operationName);
      if (plan.compiled === undefined && ++plan.runs > RUNS_BEFORE_COMPILING) {
        const compiled = compileQuery(schema, document, operationName ?? undefined);
        // Not compilable (should not happen after validation): stay on graphql-js.
        plan.compiled = isCompiledQuery(compiled) ? compiled : null;
        if (plan.compiled) options.onCompile?.(operationName);
      }
      if (plan.compiled) {
        const result = (await plan.compiled.query(
          undefined,
          context,
          variables,
        )) as ExecutionResult;
        if (!result.errors) return result;
        // An error without a path is a bad variable: no resolver ran, so graphql-js runs the
        // operation instead and reports it in its own words (Apollo answers those with 400).
        if (result.errors.some((e) => !e.path)) return runOnGraphqlJs();
        return { ...result, errors: result.errors.map(standardError) };
      }
    }
    return runOnGraphqlJs();

    function runOnGraphqlJs() {
      return execute({
        schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: context,
      }) as Promise<ExecutionResult>;
    }
  };

  return {
    async load() {
      return { schema, executor: executor as never };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors carry message, locations, path and the original error, but not the
 * rest of graphql-js's GraphQLError (extensions, nodes) that Apollo and formatError read.
 */
function standardError(error: GraphQLError): GraphQLError {
  const standard = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
  });
  (standard as { locations?: unknown }).locations = error.locations;
  return standard;
}

interface Plan {
  runs: number;
  /** undefined: not compiled yet; null: cannot be compiled. */
  compiled: CompiledQuery | null | undefined;
}
