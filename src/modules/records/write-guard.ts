import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { forbidden, invalidInput, locked, unknownReference } from "../../errors";
import { decodeId } from "../../validation/checks";
import type { Access } from "../access/access";
import type { ReadableLookup } from "../access/site-scope";
import { findReadable } from "../access/site-scope";
import { Role } from "../access/role";
import { Patient } from "../patients/patient.entity";
import { Site } from "../study/site.entity";
import { Study } from "../study/study.entity";
import { VisitState } from "../visits/visit-state";
import { Visit } from "../visits/visit.entity";

/** What a write touches: a site (a new patient), a patient (patient-level data) or a visit and its records. */
export type WriteTarget = { siteId: string } | { patientId: string } | { visitId: string };

/**
 * Who may make the write: data entry (INVESTIGATOR or COORDINATOR of the site), a signature (an
 * INVESTIGATOR of the site, in person) or data management (DATA_MANAGER of the study: locks).
 */
export type Permission = "enter" | "sign" | "manage";

export interface WriteOptions {
  permission?: Permission;
  /** The write adds a record to the visit, which must then be IN_PROGRESS. */
  adding?: boolean;
  /** Unlocking is the one write a LOCKED visit accepts. */
  unlocking?: boolean;
  /** Restoring a removed visit names a visit that is not part of the data. */
  removedVisit?: boolean;
  /**
   * Other parents the input names besides the target (a dose's patient when the visit governs it, an
   * adverse event's visit): looked up the same way, so another site's id is reported as not existing
   * rather than as "a visit of another patient". The visit must belong to the patient.
   */
  refersTo?: { patientId?: string | null; visitId?: string | null };
}

export interface Writable {
  study: Study;
  siteId: number;
  patientId: number | null;
  /** The visit whose lifecycle governs the write (the target), if the target is a visit. */
  visit: Visit | null;
  /** The rows the guard read (and on PostgreSQL locked) for the ids the write names; builders reuse them. */
  guarded: GuardedRows;
}

/** Rows read by the write guard within the write's transaction, so that the write need not read them again. */
export interface GuardedRows {
  patient: Patient | null;
  /** The visit the write names, governing it or referred to (an adverse event's visit). */
  visit: Visit | null;
}

/** The row `id` (a global id of `type`, given as `field`) if the caller can read it; otherwise reported as not existing. */
async function readable<T extends ObjectLiteral>(manager: EntityManager, access: Access, entity: EntityTarget<T>, type: string, field: string, id: string, options?: ReadableLookup): Promise<T> {
  const row = await findReadable(manager, access, entity, decodeId(field, id, type), options);
  if (!row) throw unknownReference(field, type.toLowerCase(), id);
  return row;
}

/**
 * Checks everything that can forbid a write before it is made: the record exists and the caller can
 * read it (otherwise it is reported as not existing, so other sites' ids reveal nothing), the caller's
 * permission, the study lock and the visit's lifecycle. On PostgreSQL the visit row is locked for the
 * rest of the transaction, so a concurrent signature or lock waits for this write (and sees it).
 *
 * Existence and readability are one scoped query per id (findReadable): an id of another site and an
 * id that does not exist take the same path and the same number of statements, and get the same
 * answer. Every id is checked this way before anything else about it is looked at.
 */
export async function openForWrite(manager: EntityManager, access: Access, target: WriteTarget, options: WriteOptions = {}): Promise<Writable> {
  const postgres = manager.connection.options.type === "postgres";
  const named: { siteId?: string | null; patientId?: string | null; visitId?: string | null } = { ...options.refersTo, ...target };
  const visitGoverns = "visitId" in target;
  let visit: Visit | null = null;
  let patient: Patient | null = null;
  let site: Site | null = null;
  if (named.siteId != null) site = await readable(manager, access, Site, "Site", "siteId", named.siteId);
  if (named.patientId != null) patient = await readable(manager, access, Patient, "Patient", "patientId", named.patientId);
  if (named.visitId != null) {
    visit = await readable(manager, access, Visit, "Visit", "visitId", named.visitId, { withDeleted: !!options.removedVisit, lock: visitGoverns });
    if (patient && visit.patientId !== patient.id) throw invalidInput("visitId", "is a visit of another patient", "a visit of the same patient");
    // The visit's patient, with the study (below) in the same statement where it needs no lock of its own.
    if (!patient) {
      const query = manager.createQueryBuilder(Patient, "patient").where(`"patient"."id" = :id`, { id: visit.patientId });
      patient = await (postgres ? query : query.leftJoinAndSelect("patient.study", "study")).getOne();
    }
  }
  const studyId = patient?.studyId ?? site?.studyId;
  const siteId = patient?.siteId ?? site?.id;
  // Fail closed: the lookups above already keep other sites out; this holds if one of them is ever changed.
  if (studyId === undefined || siteId === undefined || !access.canRead(studyId, siteId)) {
    const [field, id] = Object.entries(target)[0] as [string, string];
    throw unknownReference(field, field.replace(/Id$/, ""), id);
  }
  const guarded: GuardedRows = { patient, visit };
  if (!visitGoverns) visit = null;
  const field = "visitId";

  const permission = options.permission ?? "enter";
  if (permission === "enter" && !access.canEnterAt(siteId)) throw forbidden("Entering clinical data at this site needs the INVESTIGATOR or COORDINATOR role at that site");
  if (permission === "sign" && (access.isSystem || !access.holds(Role.INVESTIGATOR, studyId, siteId))) throw forbidden("Signing a visit needs the INVESTIGATOR role at its site");
  if (permission === "manage" && !access.holds(Role.DATA_MANAGER, studyId, siteId)) throw forbidden("Locking and unlocking needs the DATA_MANAGER role of the study");

  // A shared lock on the study row: lockStudy (which updates it) waits for writes in flight. Read with
  // the patient above unless PostgreSQL needs that lock (SQLite runs one write transaction at a time).
  const study = (!postgres && patient?.study) || (await manager.findOne(Study, { where: { id: studyId }, ...(postgres ? { lock: { mode: "pessimistic_read" as const } } : {}) }));
  if (study!.lockedAt) throw locked(`Study ${study!.code} is locked for the final analysis (since ${study!.lockedAt}); nothing can be changed until a data manager unlocks it`);
  if (visit?.state === VisitState.LOCKED && !options.unlocking) {
    throw locked(`Visit ${visit.nodeId} is LOCKED; a data manager must unlock it (unlockVisit, with a reason) before it can change`);
  }
  if (visit && options.adding && visit.state !== VisitState.IN_PROGRESS) {
    throw invalidInput(field, `is a ${visit.state} visit: reopen it (reopenVisit, with a reason) to add data to it`, "a visit IN_PROGRESS");
  }
  return { study: study!, siteId, patientId: patient?.id ?? null, visit, guarded };
}

const MAX_REASON = 500;

/** A reason the caller must give (removal, restore, unlocking, the study lock): trimmed, 1 to 500 characters. */
export function statedReason(reason: string | null | undefined, what: string, why = ""): string {
  const given = reason?.trim();
  if (!given) throw invalidInput("reason", `is required to ${what}${why}`, "a reason for the change");
  if (given.length > MAX_REASON) throw invalidInput("reason", `must be at most ${MAX_REASON} characters`);
  return given;
}

/** A reason the caller may give (completing or locking a visit): trimmed, at most 500 characters, or null. */
export function optionalReason(reason: string | null | undefined, what: string): string | null {
  return reason?.trim() ? statedReason(reason, what) : null;
}

/** After a complete visit, every change states why (ICH E6: a reason for change). */
export function requireReason(visit: Visit | null, reason: string | null | undefined, what: string): string | null {
  if (visit?.state === VisitState.IN_PROGRESS && !reason?.trim()) return null;
  return statedReason(reason, what, visit ? `: the visit is ${visit.state}` : ": the record is not part of a visit in progress");
}
