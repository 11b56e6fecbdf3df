import type { IncomingMessage, ServerResponse } from "node:http";

/** One request as every route sees it. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
}

/**
 * One job of the HTTP server. Answers the request and returns what the request log should
 * say about it, or null when the request is not this route's.
 */
export type Route = (request: RouteRequest) => Promise<Record<string, unknown> | null>;
