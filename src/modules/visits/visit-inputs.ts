import { Field, Float, ID, InputType } from "type-graphql";
import { LocalDate } from "../../graphql/scalars";

@InputType()
export class RecordVisitInput {
  @Field(() => ID)
  patientId: string;

  @Field(() => ID, { nullable: true, description: "The planned visit of the patient's cohort; omit for an unscheduled visit." })
  plannedVisitId?: string | null;

  @Field(() => LocalDate)
  visitDate: string;

  @Field({ defaultValue: true, description: "False records that the planned visit did not take place." })
  performed: boolean;
}

@InputType()
export class RecordDoseInput {
  @Field(() => ID)
  patientId: string;

  @Field(() => ID, { nullable: true, description: "Visit at which the dose was given, if any; must be a visit of the same patient." })
  visitId?: string | null;

  @Field(() => LocalDate)
  administeredOn: string;

  @Field(() => Float)
  dose: number;

  @Field()
  doseUnit: string;

  @Field()
  route: string;

  @Field(() => String, { nullable: true })
  lot?: string | null;

  @Field({ defaultValue: true })
  given: boolean;

  @Field(() => String, { nullable: true, description: "Required when the dose was not given." })
  notGivenReason?: string | null;
}
