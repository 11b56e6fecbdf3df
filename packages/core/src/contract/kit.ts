import type { ImAdapter } from "../adapter.js";
import type { ImError } from "../errors.js";
import type { OperationName } from "../operations/table.js";
import type { ContractCaseId, ContractHarness } from "./harness.js";

/** What an area's contract cases get from the suite (adapter and harness exist once set up). */
export interface ContractKit {
  adapter(): ImAdapter;
  harness(): ContractHarness;
  /** A fresh id, valid for every vendor, unique to this run. */
  id(prefix: string): string;
  /** Registers `n` fresh users and answers their ids. */
  users(n: number, label?: string): Promise<string[]>;
  /** Defines a case over the operations it verifies (a skip when one is a declared gap). */
  check(
    caseId: ContractCaseId,
    operations: readonly OperationName[],
    body: () => Promise<void>,
  ): void;
  /** Expects the call to fail with `code` before any vendor request. */
  noVendorCall(call: () => Promise<unknown>, code: string): Promise<ImError>;
  /** Expects the call refused as BAD_USER_INPUT naming `field`, before any vendor request. */
  refuses(call: () => Promise<unknown>, field: string | RegExp): Promise<void>;
}
