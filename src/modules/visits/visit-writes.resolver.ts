import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { auditCreate } from "../audit/audit-writer";
import { correctRecord } from "../records/correct-record";
import { CHANGE_REASON, EXPECTED_VERSION } from "../records/write-args";
import { openForWrite } from "../records/write-guard";
import { buildVisit, recordVisit } from "./record-visit";
import { RecordVisitInput } from "./visit-inputs";
import { VisitRecord } from "./visit-record";
import { Visit } from "./visit.entity";

/**
 * Recording and correcting a visit. Removal and restore are those of every record (removeRecord);
 * completing, signing and locking are in lifecycle/.
 */
@Resolver()
export class VisitWritesResolver {
  @Mutation(() => Visit)
  recordVisit(@Arg("input") input: RecordVisitInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { patientId: input.patientId });
      const visit = await recordVisit(manager, input);
      await auditCreate(manager, access, Visit, visit);
      return visit;
    });
  }

  @Mutation(() => Visit, { description: "Corrects a visit's date, planned visit or performed flag." })
  correctVisit(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg("reason", () => String, CHANGE_REASON) reason: string | null,
    @Arg("input") input: RecordVisitInput,
    @Ctx() { dataSource, access }: Context,
  ): Promise<Visit> {
    return dataSource.transaction((manager) =>
      correctRecord(manager, access, VisitRecord, { id, expectedVersion, reason }, input, (replacing) => buildVisit(manager, input, replacing)),
    );
  }
}
