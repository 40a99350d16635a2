import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Patient } from "../patients/patient.entity";
import { Visit } from "../visits/visit.entity";
import { AdverseEvent } from "./adverse-event.entity";

/** What adverse events have besides their kind's lists and writes (adverse-event.kind.ts). */
@Resolver(() => AdverseEvent)
export class AdverseEventResolver {
  @FieldResolver(() => Patient)
  async patient(@Root() event: AdverseEvent, @Ctx() { loaders }: Context): Promise<Patient> {
    return (await loaders.byId(Patient).load(event.patientId))!;
  }

  @FieldResolver(() => Visit, { nullable: true })
  async visit(@Root() event: AdverseEvent, @Ctx() { loaders }: Context): Promise<Visit | undefined> {
    return event.visitId === null ? undefined : loaders.byId(Visit).load(event.visitId);
  }
}
