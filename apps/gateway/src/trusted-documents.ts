import { createHash } from "node:crypto";

/** Why a request's document is refused (answered 400 with this code). */
export interface DocumentRefusal {
  code: "PERSISTED_QUERY_NOT_FOUND" | "PERSISTED_QUERY_NOT_IN_LIST";
  message: string;
}

/** What a GraphQL request may carry to name its document instead of sending it. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The operations a deployment registered ahead of time (its clients' build output: an
 * Apollo persisted-query manifest, or graphql-codegen's `{ "<hash>": "<document>" }` map).
 * A request names one by `documentId` or by the APQ hash (`extensions.persistedQuery`)
 * and the gateway serves it without the client sending the text; with `only`, a request
 * carrying any other document is refused, so production runs only reviewed operations.
 */
export class TrustedDocuments {
  readonly #byId = new Map<string, string>();
  readonly only: boolean;

  /** Throws a TypeError naming what is wrong with the manifest. */
  constructor(manifest: string, only: boolean) {
    this.only = only;
    let value: unknown;
    try {
      value = JSON.parse(manifest);
    } catch {
      throw new TypeError("the manifest is not JSON");
    }
    const m = value as { format?: unknown; operations?: unknown };
    const entries: Array<[string, unknown]> =
      m?.format === "apollo-persisted-query-manifest" && Array.isArray(m.operations)
        ? m.operations.map((op: { id?: unknown; body?: unknown }) => [String(op?.id), op?.body])
        : typeof value === "object" && value !== null && !Array.isArray(value)
          ? Object.entries(value)
          : [];
    for (const [id, body] of entries) {
      if (typeof body !== "string" || body.trim() === "") {
        throw new TypeError(`operation ${id} has no document text`);
      }
      this.#byId.set(id, body);
      // Also by the text's own hash: what APQ clients send.
      this.#byId.set(sha256(body), body);
    }
    if (entries.length === 0) throw new TypeError("the manifest lists no operations");
  }

  /**
   * The document text a request stands for: its registered one when it names one, else its
   * own (when allowed). `null` when it carries neither (Apollo answers that as usual).
   */
  resolve(request: DocumentRequest): { query: string | null } | DocumentRefusal {
    const named = typeof request.documentId === "string" ? request.documentId : apqHash(request);
    if (typeof request.query === "string") {
      if (this.only && !this.#byId.has(sha256(request.query))) return notListed();
      return { query: request.query };
    }
    if (named === undefined) return { query: null };
    const body = this.#byId.get(named.replace(/^sha256:/, ""));
    if (body !== undefined) return { query: body };
    if (this.only) return notListed();
    // An unknown APQ hash is Apollo's to answer (the client then registers the text).
    if (typeof request.documentId !== "string") return { query: null };
    return { code: "PERSISTED_QUERY_NOT_FOUND", message: "No registered document has this id." };
  }
}

function apqHash(request: DocumentRequest): string | undefined {
  const extensions =
    typeof request.extensions === "string" ? safeJson(request.extensions) : request.extensions;
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? hash : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function notListed(): DocumentRefusal {
  return {
    code: "PERSISTED_QUERY_NOT_IN_LIST",
    message: "This gateway serves registered operations only; this one is not registered.",
  };
}
