import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { RemovableRecord } from "./record-base";
import { removeRecord, restoreRecord } from "./remove-record";
import { EXPECTED_VERSION } from "./write-args";


/**
 * Removals and restores of clinical records of every kind (corrections are each kind's own mutation).
 * Each runs in one transaction with its audit records; see src/modules/records/README.md.
 */
@Resolver()
export class RecordsResolver {
  @Mutation(() => RemovableRecord, { description: "Removes a clinical record from the data, with a reason. Nothing is deleted; restoreRecord brings it back." })
  removeRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => removeRecord(manager, access, id, expectedVersion, reason));
  }

  @Mutation(() => RemovableRecord, { description: "Brings a removed record back into the data, with a reason." })
  restoreRecord(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg("reason") reason: string,
    @Ctx() { dataSource, access }: Context,
  ) {
    return dataSource.transaction((manager) => restoreRecord(manager, access, id, expectedVersion, reason));
  }
}
