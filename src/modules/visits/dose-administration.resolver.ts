import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { DoseAdministration } from "./dose-administration.entity";
import { Visit } from "./visit.entity";

/** What doses have besides their kind's lists and writes (dose-administration.kind.ts). */
@Resolver(() => DoseAdministration)
export class DoseAdministrationResolver {
  @FieldResolver(() => Visit, { nullable: true })
  async visit(@Root() dose: DoseAdministration, @Ctx() { loaders }: Context): Promise<Visit | undefined> {
    return dose.visitId === null ? undefined : loaders.byId(Visit).load(dose.visitId);
  }
}
