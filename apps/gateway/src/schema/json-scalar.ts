import { BadUserInputError } from "@imgraph/core";
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { JSONResolver } from "graphql-scalars";

/**
 * How deep a JSON input may nest. Adapters serialize it recursively (JSON.stringify), so a
 * value nested thousands deep in a variable would overflow their stack; no vendor payload
 * needs a fraction of this.
 */
export const MAX_JSON_DEPTH = 64;

/** graphql-scalars' JSON, refusing inputs nested deeper than MAX_JSON_DEPTH. */
export const JSONScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  parseValue(value) {
    if (jsonDepth(value) > MAX_JSON_DEPTH) throw tooDeep();
    return JSONResolver.parseValue(value);
  },
  parseLiteral(node, variables) {
    if (literalDepth(node) > MAX_JSON_DEPTH) throw tooDeep();
    return JSONResolver.parseLiteral(node, variables);
  },
});

function tooDeep(): BadUserInputError {
  return new BadUserInputError("JSON", `JSON values may nest at most ${MAX_JSON_DEPTH} levels.`);
}

/** Nesting of arrays and objects, counted without recursion (the input may be very deep). */
function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== "object" || v === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function literalDepth(node: ValueNode): number {
  let deepest = 0;
  const stack: Array<[ValueNode, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [n, depth] = stack.pop() as [ValueNode, number];
    if (n.kind === Kind.LIST) {
      deepest = Math.max(deepest, depth + 1);
      for (const child of n.values) stack.push([child, depth + 1]);
    } else if (n.kind === Kind.OBJECT) {
      deepest = Math.max(deepest, depth + 1);
      for (const field of n.fields) stack.push([field.value, depth + 1]);
    }
  }
  return deepest;
}
