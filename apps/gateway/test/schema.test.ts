import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema, gatewaySdl } from "../src/schema/build.js";

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
});
