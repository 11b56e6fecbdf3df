// @ts-check
// In-process cost of answering the 500-profile query, without HTTP or a vendor: the
// gateway's own schema, resolvers, loader and JSON serialization over an in-memory adapter,
// run by graphql-js and by the compiled executor (apps/gateway/src/executor.ts).

import { buildGatewaySchema, createContext, jitExecutor } from "@imgraph/gateway";
import { execute, parse } from "graphql";
import { median } from "./load.mjs";

const QUERY = `query($ids: [ID!]!) { users(ids: $ids, app: "memory") { id name avatarUrl } }`;

/** @param {{ rounds: number, seconds: number, users: number }} options */
export async function measureExecution({ rounds, seconds, users }) {
  const ids = Array.from({ length: users }, (_, i) => `u${i}`);
  const adapter = {
    info: { id: "memory" },
    limits: { usersPerRead: 100, usersPerPresence: 100 },
    capabilities: new Set(),
    /** @param {string[]} list */
    async getUsers(list) {
      return list.map((id) => ({
        ok: true,
        key: id,
        value: { id, name: `User ${id}`, avatarUrl: `https://example.com/${id}.png`, extra: null },
      }));
    },
  };
  const apps = { get: () => adapter, list: () => [adapter.info] };
  const schema = buildGatewaySchema();
  const document = parse(QUERY);
  const operation = /** @type {any} */ (document.definitions[0]);
  const context = () =>
    createContext({
      viewer: { role: "ADMIN", name: "bench", userId: null, expiresAt: null },
      apps: /** @type {any} */ (apps),
      requestId: "bench",
      signal: new AbortController().signal,
      log: /** @type {any} */ (undefined),
    });
  const { executor } = await /** @type {any} */ (jitExecutor(schema)).load();
  /** @param {boolean} compiled */
  const answer = async (compiled) => {
    const result = compiled
      ? await executor({
          document,
          operationName: null,
          operation,
          request: { variables: { ids } },
          context: context(),
        })
      : await execute({ schema, document, variableValues: { ids }, contextValue: context() });
    const json = JSON.stringify(result);
    if (!json.includes(`"id":"u${users - 1}"`) || result.errors) throw new Error("bad answer");
  };
  /** @param {boolean} compiled @returns {Promise<number>} µs per answer */
  const run = async (compiled) => {
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    while (performance.now() < end) {
      await answer(compiled);
      n++;
    }
    return ((performance.now() - t0) * 1000) / n;
  };
  await run(false);
  await run(true);
  /** @type {{ graphqlJs: number[], compiled: number[] }} */
  const out = { graphqlJs: [], compiled: [] };
  for (let round = 0; round < rounds; round++) {
    out.graphqlJs.push(await run(false));
    out.compiled.push(await run(true));
  }
  return { graphqlJs: median(out.graphqlJs), compiled: median(out.compiled), users };
}
