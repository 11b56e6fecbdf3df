import type { CallOptions, ImAdapter, VendorLimits } from "./adapter.js";
import type { Capability } from "./capabilities.js";
import type { AppInfo, Vendor } from "./model/app.js";
import {
  type Implementation,
  installOperations,
  type OperationMethods,
  type OperationSupport,
} from "./operations/implement.js";
import { OPERATIONS } from "./operations/table.js";

/** What a vendor adapter is made of. */
export interface AdapterParts<Ctx> {
  vendor: Vendor;
  /** The gateway's id for the app. */
  id: string;
  region: string;
  publicAppId: string;
  limits: VendorLimits;
  /** Capabilities that are not operations: content kinds, group owners, extra profile data. */
  features: readonly Capability[];
  ctx: Ctx;
  /** Every declared operation: a handler, a gap with its reason, or a conditional one. */
  implementation: Implementation<Ctx>;
}

// The operation methods are installed by the constructor (installOperations); this
// interface tells the compiler they are there.
// biome-ignore lint/correctness/noUnusedVariables: merged with the class, it repeats the class's type parameter
export interface VendorAdapter<Ctx> extends OperationMethods {}

/**
 * The one adapter shape: a vendor's context plus its implementation map. Each operation
 * becomes a method; App.capabilities lists the features and the capability of every
 * capability whose operations are all available for this app.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface above
export abstract class VendorAdapter<Ctx> implements ImAdapter {
  readonly vendor: Vendor;
  readonly info: AppInfo;
  readonly capabilities: ReadonlySet<Capability>;
  readonly limits: VendorLimits;
  readonly operations: readonly OperationSupport[];
  protected readonly ctx: Ctx;

  constructor(parts: AdapterParts<Ctx>) {
    this.vendor = parts.vendor;
    this.limits = parts.limits;
    this.ctx = parts.ctx;
    this.operations = installOperations(this, parts.vendor, parts.implementation, parts.ctx);
    const capabilities = new Set<Capability>(parts.features);
    const off = new Set<Capability>();
    for (const op of this.operations) {
      const capability = OPERATIONS[op.name].capability;
      if (!capability) continue;
      if (op.supported) capabilities.add(capability);
      else off.add(capability);
    }
    for (const capability of off) capabilities.delete(capability);
    this.capabilities = capabilities;
    this.info = {
      id: parts.id,
      vendor: parts.vendor,
      region: parts.region,
      publicAppId: parts.publicAppId,
      capabilities: [...capabilities],
    };
  }

  abstract close(): Promise<void>;
}

export type { CallOptions };
