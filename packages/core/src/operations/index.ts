export {
  type Access,
  type AccessRule,
  AREAS,
  type Area,
  type Operation,
  operation,
} from "./declare.js";
export {
  type Conditional,
  type DeclaredSupport,
  declaredSupport,
  type Entry,
  exactImplementation,
  type Gap,
  gap,
  type Handler,
  type Implementation,
  installOperations,
  type OperationMethods,
  type OperationSupport,
  supportOf,
  when,
} from "./implement.js";
export {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type Operations,
} from "./table.js";
