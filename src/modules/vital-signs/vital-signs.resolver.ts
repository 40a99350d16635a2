import { Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Visit } from "../visits/visit.entity";
import { VitalSigns } from "./vital-signs.entity";

/** Body mass index in kg/m², to one decimal; null without both weight and height. */
export function bodyMassIndex(weightKg: number | null, heightCm: number | null): number | null {
  if (weightKg === null || heightCm === null) return null;
  const heightM = heightCm / 100;
  return Math.round((weightKg / (heightM * heightM)) * 10) / 10;
}

/** What vital signs have besides their kind's lists and writes (vital-signs.kind.ts). */
@Resolver(() => VitalSigns)
export class VitalSignsResolver {
  @FieldResolver(() => Float, { nullable: true, description: "Body mass index in kg/m² (weight / height²), to one decimal; null without weight or height." })
  bmi(@Root() vitals: VitalSigns): number | null {
    return bodyMassIndex(vitals.weightKg, vitals.heightCm);
  }

  @FieldResolver(() => Visit)
  async visit(@Root() vitals: VitalSigns, @Ctx() { loaders }: Context): Promise<Visit> {
    return (await loaders.byId(Visit).load(vitals.visitId))!;
  }
}
