import { type DemoGateway, startDemo } from "../src/demo/start.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

/** POSTs a GraphQL operation to the gateway over real HTTP. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
  return { status: response.status, headers: response.headers, ...body };
}

export async function demo(seed = true): Promise<DemoGateway> {
  return startDemo({ server: { port: 0, host: "127.0.0.1" }, logLevel: "silent", seed });
}

export const admin = (g: DemoGateway) => ({ "x-api-key": g.adminKey });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
