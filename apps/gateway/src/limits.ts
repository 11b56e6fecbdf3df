import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** A list whose size the query does not bound counts as this many items. */
const DEFAULT_LIST = 20;

export interface OperationShape {
  /** Every field costs 1 times the size of every list around it. */
  cost: number;
  depth: number;
  aliases: number;
  /** `__schema` and `__type` fields: each answers up to the whole schema. */
  introspections: number;
}

/**
 * At most this many introspection fields an operation. One `__schema` is the whole schema
 * (the playground's query asks once); aliases of it multiply a large answer.
 */
export const MAX_INTROSPECTIONS = 5;

/**
 * Measures an operation once its variables are known (after validation, so fragments are
 * acyclic). Fragments are measured where they are spread, so they cannot hide depth or
 * list sizes. A list's size is the larger of its `first` argument and its longest list
 * argument (e.g. ids, inputs' fields included), variables resolved (`listSize`).
 * Introspection fields are counted (and their aliases), not measured inside.
 *
 * The walk over the document (the costly part) happens once per operation: its result, a
 * tree of fields with the arguments that size them, is kept beside Apollo's cached parse
 * of the document, and each request only resolves the sizes with its own variables.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationShape {
  let plan = plans.get(operation);
  if (!plan || plan.schema !== schema) {
    plan = planOperation(schema, document, operation);
    plans.set(operation, plan);
  }
  return {
    cost: costOf(plan.fields, 1, variables),
    depth: plan.depth,
    aliases: plan.aliases,
    introspections: plan.introspections,
  };
}

interface OperationPlan {
  schema: GraphQLSchema;
  fields: FieldPlan[];
  depth: number;
  aliases: number;
  introspections: number;
}

interface FieldPlan {
  /** The arguments that may size a list field; null when the field is not a list. */
  sizedBy: readonly ArgumentNode[] | null;
  children: FieldPlan[];
}

const plans = new WeakMap<OperationDefinitionNode, OperationPlan>();

function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const typeInfo = new TypeInfo(schema);
  const root: FieldPlan = { sizedBy: null, children: [] };
  const open: FieldPlan[] = [root];
  const plan: OperationPlan = {
    schema,
    fields: root.children,
    depth: 0,
    aliases: 0,
    introspections: 0,
  };
  const visitor = visitWithTypeInfo(typeInfo, {
    Field: {
      enter(node: FieldNode) {
        if (node.alias) plan.aliases++;
        // Introspection is governed by its own switch; the playground's deep introspection
        // query must not trip the depth limit: counted, but its subtree is not walked.
        if (node.name.value === "__schema" || node.name.value === "__type") {
          plan.introspections++;
          return false;
        }
        plan.depth = Math.max(plan.depth, open.length);
        const def = typeInfo.getFieldDef();
        // A connection's own nodes/edges were counted by the connection's `first`.
        const insideConnection = typeInfo.getParentType()?.name.endsWith("Connection") ?? false;
        const field: FieldPlan = {
          sizedBy:
            def && !insideConnection && returnsList(def.type) ? (node.arguments ?? []) : null,
          children: [],
        };
        (open[open.length - 1] as FieldPlan).children.push(field);
        open.push(field);
      },
      leave() {
        open.pop();
      },
    },
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value);
      if (fragment) visit(fragment.selectionSet, visitor);
    },
  });
  visit(operation, visitor);
  return plan;
}

/** Every field costs 1 times the size of every list around it. */
function costOf(
  fields: readonly FieldPlan[],
  multiplier: number,
  variables: Record<string, unknown> | undefined,
): number {
  let cost = 0;
  for (const field of fields) {
    cost += multiplier;
    if (field.children.length === 0) continue;
    const size = field.sizedBy ? listSize(field.sizedBy, variables) : 1;
    cost += costOf(field.children, multiplier * size, variables);
  }
  return cost;
}

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/** The first limit the operation breaks, as a GraphQL error; undefined when within limits. */
export function checkLimits(shape: OperationShape, limits: QueryLimits): GraphQLError | undefined {
  if (shape.depth > limits.maxDepth) {
    return limitError(
      `The query is nested ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed.`,
    );
  }
  if (shape.introspections > MAX_INTROSPECTIONS) {
    return limitError(
      `The query asks for the schema ${shape.introspections} times (__schema, __type); at most ${MAX_INTROSPECTIONS} are allowed.`,
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return limitError(
      `The query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
    );
  }
  if (shape.cost > limits.maxCost) {
    return limitError(
      `The query costs ${shape.cost} (lists count by their size); at most ${limits.maxCost} is allowed.`,
    );
  }
  return undefined;
}

function returnsList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return true;
  return getNamedType(inner).name.endsWith("Connection");
}

/**
 * A list field's size: the largest of its `first` and the longest list among its arguments,
 * inputs' fields included (a write answering one outcome per id is as long as its ids,
 * wherever they are and in whatever order the arguments come).
 */
function listSize(
  args: readonly ArgumentNode[],
  variables: Record<string, unknown> | undefined,
): number {
  let size: number | null = null;
  for (const arg of args) {
    const value = valueFromASTUntyped(arg.value, variables);
    const length =
      arg.name.value === "first" && typeof value === "number" ? value : longestList(value);
    if (length !== null) size = Math.max(size ?? 0, length);
  }
  return size === null ? DEFAULT_LIST : Math.max(1, size);
}

/** The longest array in a value (nested objects and arrays included); null for none. */
function longestList(value: unknown): number | null {
  let longest: number | null = null;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) longest = Math.max(longest ?? 0, v.length);
    for (const child of Array.isArray(v) ? v : Object.values(v)) pending.push(child);
  }
  return longest;
}

/** Over-limit queries are the client's doing: 400, never a 5xx that pages an operator. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } },
  });
}

/**
 * Brackets, braces and parentheses may nest this deep in a document's text. graphql-js
 * parses recursively, so a runaway document would end in a stack overflow (and a parse
 * error quoting it); the selection depth limit is far lower than this anyway.
 */
export const MAX_SYNTAX_NESTING = 128;

/**
 * How deeply a GraphQL document's text nests ({ [ (), outside strings and comments), counted
 * without parsing; stops counting once past `max`.
 */
export function syntaxNesting(text: string, max = MAX_SYNTAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (text.startsWith('"""', i)) {
        // a block string ends at the next """ that is not escaped as \"""
        let from = i + 3;
        for (;;) {
          const close = text.indexOf('"""', from);
          if (close < 0) {
            i = text.length;
            break;
          }
          if (text.charCodeAt(close - 1) === 0x5c) {
            from = close + 3;
            continue;
          }
          i = close + 2;
          break;
        }
      } else {
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 0x5c) i++;
          else if (d === 0x22 || d === 0x0a) break;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      if (depth > 0) depth--;
    }
  }
  return deepest;
}

/** The answer to a document nested past MAX_SYNTAX_NESTING, before anything parses it. */
export function nestingError(): GraphQLError {
  return new GraphQLError(
    `Syntax Error: nesting too deep (over ${MAX_SYNTAX_NESTING} levels of braces, brackets or parentheses).`,
    { extensions: { code: "GRAPHQL_PARSE_FAILED", http: { status: 400 } } },
  );
}
