import type { IncomingMessage } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { ImError, markDeadline } from "@imgraph/core";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import type { AppRegistry } from "../../apps.js";
import type { Authenticator } from "../../auth/authenticate.js";
import type { ServerConfig } from "../../config/types.js";
import { createContext, type GatewayContext, type RequestMeta } from "../../context.js";
import { requestError } from "../../errors.js";
import { MAX_SYNTAX_NESTING, nestingError, syntaxNesting } from "../../limits.js";
import type { PubSub } from "../../realtime/pubsub.js";
import type {
  DocumentRefusal,
  DocumentRequest,
  TrustedDocuments,
} from "../../trusted-documents.js";
import { readBody, sendJson, TOO_LARGE } from "../body.js";
import type { Route } from "../route.js";

const WWW_AUTHENTICATE = 'Bearer realm="imgraph"';
/** How long past its deadline a request may still end with its own answer. */
const GRACE_MS = 250;
const DEADLINE_PASSED = Symbol("deadline passed");

export interface GraphqlDeps {
  config: ServerConfig;
  apollo: ApolloServer<GatewayContext>;
  apps: AppRegistry;
  auth: Authenticator;
  log: Logger;
  /** Where writes made through the gateway publish their events. */
  events?: PubSub;
  /** Registered operations, served by id (and, when `only`, the only ones served). */
  documents?: TrustedDocuments;
}

/**
 * The request with its registered document's text filled in (GET: into the URL), or why
 * the document is refused.
 */
function namedDocument(
  documents: TrustedDocuments,
  method: string,
  url: URL,
  parsed: unknown,
): { parsed: unknown } | DocumentRefusal {
  const q = url.searchParams;
  const request: DocumentRequest =
    method === "GET"
      ? {
          ...(q.has("query") ? { query: q.get("query") } : {}),
          ...(q.has("documentId") ? { documentId: q.get("documentId") } : {}),
          ...(q.has("extensions") ? { extensions: q.get("extensions") } : {}),
        }
      : typeof parsed === "object" && parsed !== null
        ? (parsed as DocumentRequest)
        : {};
  const resolved = documents.resolve(request);
  if ("code" in resolved) return resolved;
  if (resolved.query === null || resolved.query === request.query) return { parsed };
  if (method === "GET") {
    q.set("query", resolved.query);
    return { parsed };
  }
  return { parsed: { ...(parsed as object), query: resolved.query } };
}

/**
 * GraphQL over HTTP (GET and POST) at `path`: body cap, JSON, runaway nesting refused before
 * parsing, the request's deadline, credentials → viewer, Apollo, and the status that
 * matches the answer (401 whenever credentials were missing or wrong).
 */
export function graphqlRoute(path: string, deps: GraphqlDeps): Route {
  return async ({ req, res, url, requestId }) => {
    if (url.pathname !== path) return null;
    if (req.method !== "GET" && req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      sendJson(res, 405, { error: "method not allowed" });
      return { outcome: "bad_method" };
    }
    const body =
      req.method === "POST" ? await readBody(req, deps.config.bodyLimitBytes) : undefined;
    if (body === TOO_LARGE) {
      sendJson(res, 413, {
        errors: [
          {
            message: `Request body over ${deps.config.bodyLimitBytes} bytes.`,
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      });
      return { outcome: "too_large" };
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsed: unknown;
    if (typeof body === "string" && body.length > 0) {
      // Media types are case-insensitive (RFC 9110 §8.3.1).
      const type = (headers.get("content-type") ?? "").toLowerCase();
      if (type.includes("application/json")) {
        try {
          parsed = JSON.parse(body);
        } catch {
          sendJson(res, 400, {
            errors: [
              {
                message: "The request body is not valid JSON.",
                extensions: { code: "BAD_REQUEST" },
              },
            ],
          });
          return { outcome: "bad_json" };
        }
      } else {
        parsed = body;
      }
    }

    if (deps.documents) {
      const named = namedDocument(deps.documents, req.method, url, parsed);
      if ("code" in named) {
        sendJson(res, 400, {
          errors: [{ message: named.message, extensions: { code: named.code, requestId } }],
        });
        return { outcome: "document_refused" };
      }
      parsed = named.parsed;
    }
    const query =
      req.method === "GET" ? url.searchParams.get("query") : (parsed as { query?: unknown })?.query;
    if (typeof query === "string" && syntaxNesting(query) > MAX_SYNTAX_NESTING) {
      const error = nestingError();
      sendJson(res, 400, {
        errors: [
          { message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED", requestId } },
        ],
      });
      return { outcome: "too_deep" };
    }

    // The request's deadline, also passed to every vendor call; a client that goes away aborts it.
    const controller = new AbortController();
    markDeadline(controller.signal, Date.now() + deps.config.requestTimeoutMs);
    let late: NodeJS.Timeout | undefined;
    // Resolvers see the abort and answer (RATE_LIMITED, a vendor timeout) within a moment;
    // whatever still runs past that grace is answered for: no caller waits past its deadline.
    const deadlinePassed = new Promise<typeof DEADLINE_PASSED>((resolve) => {
      late = setTimeout(() => resolve(DEADLINE_PASSED), deps.config.requestTimeoutMs + GRACE_MS);
    });
    // The abort's reason is what work cut short by it rejects with (a shared read the
    // request waited for, say): a client's doing, with its code, not an internal error.
    const timer = setTimeout(
      () => controller.abort(aborted("DEADLINE_EXCEEDED", "The request's deadline passed.")),
      deps.config.requestTimeoutMs,
    );
    const onClose = () => {
      if (!res.writableEnded)
        controller.abort(aborted("CLIENT_CLOSED_REQUEST", "The client closed the request."));
    };
    res.on("close", onClose);
    const meta: RequestMeta = { operationName: null, operationType: null, errorCodes: [] };
    let viewerRole = "unknown";
    try {
      const execution = deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method, headers, search: url.search, body: parsed },
        context: async () => {
          const viewer = await authenticate(deps.auth, req);
          viewerRole = viewer.role;
          return createContext({
            meta,
            viewer,
            apps: deps.apps,
            requestId,
            signal: controller.signal,
            log: deps.log.child({ requestId }),
            ...(deps.events ? { events: deps.events } : {}),
          });
        },
      });
      const response = await Promise.race([execution, deadlinePassed]);
      if (response === DEADLINE_PASSED) {
        execution.catch(() => undefined); // its late end is nobody's answer now
        sendJson(res, 504, {
          errors: [
            {
              message: "The request's deadline passed before it could be answered.",
              extensions: { code: "DEADLINE_EXCEEDED", requestId },
            },
          ],
        });
        return { operationName: meta.operationName, outcome: "deadline", viewer: viewerRole };
      }
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      // No credentials where they are needed answers like wrong ones: 401 (the body still
      // carries whatever public fields resolved), so clients handle one case.
      if (res.statusCode === 200 && meta.errorCodes.includes("UNAUTHENTICATED"))
        res.statusCode = 401;
      if (res.statusCode === 401) res.setHeader("www-authenticate", WWW_AUTHENTICATE);
      if (
        res.statusCode === 400 &&
        response.body.kind === "complete" &&
        legacyRequestError(response)
      )
        res.statusCode = 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } finally {
      clearTimeout(timer);
      clearTimeout(late);
      res.off("close", onClose);
    }
    return {
      operationName: meta.operationName,
      operationType: meta.operationType,
      outcome: meta.errorCodes.length > 0 || res.statusCode >= 400 ? "error" : "ok",
      ...(meta.errorCodes.length > 0 ? { errorCodes: meta.errorCodes } : {}),
      viewer: viewerRole,
    };
  };
}

/** Errors of a well-formed request's document or variables (GraphQL over HTTP §6.4.1). */
const DOCUMENT_ERRORS = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
]);

/**
 * Whether a 400 from Apollo is a document or variables error answered as `application/json`:
 * the spec wants 200 there (the errors are in the body; clients of the legacy media type
 * read them from a 200), while `application/graphql-response+json` keeps 400.
 */
function legacyRequestError(response: HTTPGraphQLResponse): boolean {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json") || response.body.kind !== "complete") return false;
  try {
    const body = JSON.parse(response.body.string) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: unknown } }>;
    };
    if (body.data !== undefined || !Array.isArray(body.errors) || body.errors.length === 0)
      return false;
    return body.errors.every((e) => DOCUMENT_ERRORS.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}

async function authenticate(auth: Authenticator, req: IncomingMessage) {
  try {
    return await auth.authenticate({
      authorization: header(req.headers.authorization),
      apiKey: header(req.headers["x-api-key"]),
    });
  } catch (error) {
    if (error instanceof ImError) throw requestError(error, 401);
    throw error;
  }
}

export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Why a request's work was cut short (the abort's reason). */
function aborted(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
