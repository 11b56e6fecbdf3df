import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type FormattedExecutionResult, type GraphQLFormattedError, print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

// A small typed client: queries and mutations over HTTP (GraphQL over HTTP, JSON), and
// subscriptions over graphql-ws on the same path. The document's type carries the types of
// its variables and answer, so a call with wrong variables or a read of a missing field
// does not compile.

export interface Endpoint {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Authentication: { authorization: "Bearer <jwt>" } or { "x-api-key": "<key>" }. */
  headers: Record<string, string>;
}

/** A GraphQL error as the gateway sends it (extensions.code, and field for bad input). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((e) => e.message).join("; "));
  }
}

export async function request<R, V>(
  endpoint: Endpoint,
  document: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R> {
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...endpoint.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as FormattedExecutionResult<R>;
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`no data (HTTP ${response.status})`);
  return body.data;
}

/** A graphql-ws client; the gateway reads the credentials from connection_init. */
export function subscriptions(endpoint: Endpoint): Client {
  return createClient({
    url: endpoint.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: endpoint.headers,
    lazy: true,
    retryAttempts: 0,
  });
}

/** Subscribes; calls `onEvent` with each typed answer until the returned function is called. */
export function subscribe<R, V>(
  client: Client,
  document: TypedDocumentNode<R, V>,
  variables: V,
  onEvent: (data: R) => void,
  onError: (error: unknown) => void = () => {},
): () => void {
  return client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.data) onEvent(result.data);
        if (result.errors?.length) onError(new GraphQLRequestError(result.errors));
      },
      error: onError,
      complete: () => {},
    },
  );
}
