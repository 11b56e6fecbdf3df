import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { ServerConfig } from "./config/types.js";
import type { GatewayContext } from "./context.js";
import { formatError, isDeliberate } from "./errors.js";
import { jitExecutor } from "./executor.js";
import { checkLimits, measureOperation } from "./limits.js";

/**
 * A subscription sent as a plain HTTP request: it has no stream to answer on, so it is a
 * request error naming where subscriptions are served (not a failure of the server).
 */
function subscriptionOverHttp(): GraphQLError {
  return new GraphQLError(
    "Subscriptions are served over graphql-ws (a WebSocket to this same path), not over HTTP.",
    { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
  );
}

/** Records the operation for the request log, enforces query limits, logs unexpected errors. */
function requestPlugin(config: ServerConfig): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return;
          contextValue.meta.operationName = request.operationName ?? operation.name?.value ?? null;
          contextValue.meta.operationType = operation.operation;
          if (operation.operation === "subscription") throw subscriptionOverHttp();
          const shape = measureOperation(
            schema,
            document,
            operation,
            request.variables ?? undefined,
          );
          const error = checkLimits(shape, config);
          if (error) throw error;
        },
        async didEncounterErrors({ contextValue, errors }) {
          contextValue.meta.errorCodes = errors.map((e) =>
            String(e.extensions?.code ?? unwrapCode(e)),
          );
          for (const error of errors) {
            if (!isDeliberate(error)) {
              contextValue.log?.error(
                { requestId: contextValue.requestId, err: unwrapResolverError(error) },
                "unexpected error",
              );
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          // Every error carries the request id, so a user can quote it to support.
          if (response.body.kind !== "single" || !contextValue?.requestId) return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}

function unwrapCode(error: unknown): string {
  const original = unwrapResolverError(error) as { code?: unknown } | undefined;
  return typeof original?.code === "string" ? original.code : "INTERNAL_SERVER_ERROR";
}

export function createApollo(
  schema: GraphQLSchema,
  config: ServerConfig,
  log?: Logger,
): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({
    // Apollo's executor hook: repeated queries run compiled (see executor.ts).
    gateway: jitExecutor(schema, {
      onCompile: (operationName) => log?.debug({ operationName }, "query compiled"),
    }),
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Compact JSON: Apollo's default pretty-prints every answer (2-space indent), which
    // costs CPU and bytes on every list-heavy answer (measured in bench/, BENCHMARKS.md).
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema declares no cache hints; the default cache-control plugin would still
      // wrap and visit every resolved field of every answer (see BENCHMARKS.md).
      ApolloServerPluginCacheControlDisabled(),
      requestPlugin(config),
    ],
  });
}
