import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { buildVisit } from "../visits/record-visit";
import { RecordVisitInput } from "../visits/visit-inputs";
import { Visit } from "../visits/visit.entity";
import { correctRecord } from "./correct-record";
import { RemovableRecord } from "./record-base";
import { lifecycleKind } from "./record-kinds";
import { removeRecord, restoreRecord } from "./remove-record";

const kind = (name: string) => lifecycleKind(name)!;
const VERSION = { description: "The record's version as last read; a stale one gets CONFLICT." };
const REASON = { nullable: true, description: "Why; required once the visit is complete, and always for patient-level records." };

/**
 * Corrections, removals and restores of clinical records. Each runs in one transaction with its
 * audit records; see src/modules/records/README.md for the rules they follow.
 */
@Resolver()
export class RecordsResolver {
  @Mutation(() => RemovableRecord, { description: "Removes a clinical record from the data, with a reason. Nothing is deleted; restoreRecord brings it back." })
  removeRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => removeRecord(manager, access, id, expectedVersion, reason));
  }

  @Mutation(() => RemovableRecord, { description: "Brings a removed record back into the data, with a reason." })
  restoreRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => restoreRecord(manager, access, id, expectedVersion, reason));
  }

  @Mutation(() => Visit, { description: "Corrects a visit's date, planned visit or performed flag." })
  correctVisit(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, VERSION) expectedVersion: number,
    @Arg("reason", () => String, REASON) reason: string | null,
    @Arg("input") input: RecordVisitInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<Visit> {
    return dataSource.transaction((m) => correctRecord(m, access, kind("Visit"), { id, expectedVersion, reason }, input, (self) => buildVisit(m, input, self)));
  }

}
