export { expectLiveRoomCallbacks } from "./callbacks.js";
export { closedOrigin, failedItem, itemValue, rejection } from "./faults.js";
export {
  CONTRACT_CASES,
  type ContractCaseId,
  type ContractHarness,
  type ContractOptions,
  type ConversationState,
  type LiveRoomDelivery,
  type PushDelivery,
} from "./harness.js";
export { runAdapterContract } from "./suite.js";
