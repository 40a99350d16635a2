import type { EntityTarget } from "typeorm";
import type { RemovableRecord } from "./record-base";

export type ClinicalRow = RemovableRecord & { id: number; patientId: number; visitId?: number | null };

/** What the record lifecycle needs of a kind of clinical record: correct, remove and restore. */
export interface LifecycleKind {
  name: string;
  entity: EntityTarget<ClinicalRow>;
  /** Part of its visit's signed content (when it names a visit), rather than a patient-level log. */
  visitContent: boolean;
  /** Columns unique among a visit's records still part of the data: a restore must not duplicate one. */
  uniqueWithin?: string[];
}

const kinds = new Map<string, LifecycleKind>();

/**
 * Registers a kind that can be corrected, removed and restored (defineRecordKind does, for every
 * declared kind; visits register themselves). A name registered twice stops the service.
 */
export function registerLifecycleKind<K extends LifecycleKind>(kind: K): K {
  assertNewKindName(kind.name);
  kinds.set(kind.name, kind);
  return kind;
}

/** Stops a second kind of the same name before anything of it is registered. */
export function assertNewKindName(name: string): void {
  if (kinds.has(name)) throw new Error(`The record kind ${name} is declared twice`);
}

/** The kind named `name`, or undefined: an id of any other type names no clinical record. */
export function lifecycleKind(name: string): LifecycleKind | undefined {
  return kinds.get(name);
}

export function lifecycleKinds(): LifecycleKind[] {
  return [...kinds.values()];
}
