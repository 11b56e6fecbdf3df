import { BadUserInputError, JSON_DEPTH_MAX, jsonDepth } from "@imgraph/core";
import { GraphQLScalarType } from "graphql";
import { JSONResolver } from "graphql-scalars";

/**
 * graphql-scalars' JSON, refusing inputs nested deeper than core's JSON_DEPTH_MAX (adapters
 * serialize them recursively). A literal is measured with its variables in place, since a
 * variable inside it adds its own depth.
 */
export const JSONScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  parseValue(value) {
    return bounded(JSONResolver.parseValue(value));
  },
  parseLiteral(node, variables) {
    return bounded(JSONResolver.parseLiteral(node, variables));
  },
});

function bounded(value: unknown): unknown {
  if (jsonDepth(value) > JSON_DEPTH_MAX) {
    throw new BadUserInputError("JSON", `JSON values may nest at most ${JSON_DEPTH_MAX} levels.`);
  }
  return value;
}
