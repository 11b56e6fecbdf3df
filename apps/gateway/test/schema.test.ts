import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLUnionType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema, gatewaySdl } from "../src/resolvers/index.js";

const SDL_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

describe("schema", () => {
  it("matches the committed schema.graphql (run `pnpm --filter @imgraph/gateway schema` after a change)", () => {
    const sdl = gatewaySdl();
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(SDL_FILE, sdl);
    expect(readFileSync(SDL_FILE, "utf8")).toBe(sdl);
    // The committed SDL is itself a valid schema (what codegen tools read).
    expect(() => buildSchema(sdl)).not.toThrow();
  });

  it("describes every type, field, argument and enum value", () => {
    const schema = buildGatewaySchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it("marks the content input as @oneOf", () => {
    expect(gatewaySdl()).toMatch(/input MessageContentInput @oneOf/);
  });

  // Queries may run compiled by graphql-jit (src/executor.ts), which does not enforce @oneOf.
  it("takes no @oneOf input in any query argument", () => {
    const schema = buildGatewaySchema();
    const reachesOneOf = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
      const named = getNamedType(type);
      if (!isInputObjectType(named) || seen.has(named.name)) return false;
      seen.add(named.name);
      return (
        named.isOneOf || Object.values(named.getFields()).some((f) => reachesOneOf(f.type, seen))
      );
    };
    const offenders = Object.values(schema.getQueryType()?.getFields() ?? {}).flatMap((field) =>
      field.args.filter((a) => reachesOneOf(a.type)).map((a) => `${field.name}(${a.name})`),
    );
    expect(offenders).toEqual([]);
  });

  // graphql-jit needs resolveType to answer at once (type-graphql makes them async).
  it("resolves every abstract type synchronously to one of its types", () => {
    const schema = buildGatewaySchema();
    const samples: Record<string, unknown> = {
      MessageContent: { __typename: "TextContent", text: "x" },
      ImEvent: { type: "MESSAGE_SENT" },
      ImEventBase: { type: "GROUP_DISMISSED" },
    };
    const abstract = Object.values(schema.getTypeMap()).filter(
      (t) => (isUnionType(t) || isInterfaceType(t)) && !t.name.startsWith("__"),
    ) as Array<GraphQLUnionType | GraphQLInterfaceType>;
    expect(abstract.map((t) => t.name).sort()).toEqual(Object.keys(samples).sort());
    for (const type of abstract) {
      const name = type.resolveType?.(samples[type.name], {}, {} as never, type);
      expect(typeof name, type.name).toBe("string");
      const possible = schema.getPossibleTypes(type).map((t) => t.name);
      expect(possible, type.name).toContain(name);
    }
  });
});
