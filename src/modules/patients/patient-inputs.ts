import { Field, Float, ID, InputType, Int } from "type-graphql";
import { LocalDate } from "../../graphql/scalars";
import { PatientStatus, Sex } from "./patient-enums";

@InputType()
export class CreatePatientInput {
  @Field(() => ID)
  cohortId: string;

  @Field(() => ID)
  siteId: string;

  @Field({ description: "Subject code, unique within the study." })
  subjectCode: string;

  @Field(() => Sex)
  sex: Sex;

  @Field(() => Int, { nullable: true })
  yearOfBirth?: number | null;

  @Field(() => Int, { nullable: true })
  ageAtInclusion?: number | null;

  @Field(() => LocalDate, { nullable: true })
  inclusionDate?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Date of the first dose (study day 1)." })
  treatmentStartDate?: string | null;

  @Field(() => PatientStatus, { defaultValue: PatientStatus.SCREENED })
  status: PatientStatus;

  @Field(() => Float, { nullable: true })
  diseaseDurationYears?: number | null;
}

@InputType()
export class ChangePatientStatusInput {
  @Field(() => ID)
  patientId: string;

  @Field(() => Int, { description: "The patient's version as last read; a stale one gets CONFLICT." })
  expectedVersion: number;

  @Field(() => PatientStatus)
  status: PatientStatus;

  @Field(() => LocalDate)
  date: string;

  @Field(() => String, { nullable: true, description: "Required for WITHDRAWN." })
  reason?: string | null;
}
