import { Field, InputType, registerEnumType } from "type-graphql";
import { toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType } from "../../graphql/views/relation-types";
import { DateFilter, FloatFilter, IDFilter, IntFilter, StringFilter, enumFilter } from "../../graphql/views/scalar-filters";
import { CohortWhere, SiteWhere, cohortWhereSpec, siteWhereSpec } from "../study/study-filters";
import { PatientStatus, Sex } from "./patient-enums";
import { Patient } from "./patient.entity";
import { groupTypes } from "../../graphql/views/group-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { SHARED_DIMENSION_DESCRIPTIONS, patientDimensions as patientDimensionsOf } from "../group-dimensions";

const SexFilter = enumFilter(Sex, "Sex");
const PatientStatusFilter = enumFilter(PatientStatus, "PatientStatus");

@InputType({ description: "Filter on patients. Fields are ANDed; relation filters (cohort, visits, assessments…) test related records." })
export class PatientWhere {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) subjectCode?: StringFilter;
  @Field(() => SexFilter, { nullable: true }) sex?: object;
  @Field(() => PatientStatusFilter, { nullable: true }) status?: object;
  @Field(() => IntFilter, { nullable: true }) ageAtInclusion?: IntFilter;
  @Field(() => IntFilter, { nullable: true }) yearOfBirth?: IntFilter;
  @Field(() => DateFilter, { nullable: true }) inclusionDate?: DateFilter;
  @Field(() => DateFilter, { nullable: true }) treatmentStartDate?: DateFilter;
  @Field(() => FloatFilter, { nullable: true }) diseaseDurationYears?: FloatFilter;
  @Field(() => IDFilter, { nullable: true }) cohortId?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) siteId?: IDFilter;
  @Field(() => CohortWhere, { nullable: true, description: "The patient's cohort, e.g. its disease." }) cohort?: CohortWhere;
  @Field(() => SiteWhere, { nullable: true }) site?: SiteWhere;
  @Field(() => [PatientWhere], { nullable: true }) and?: PatientWhere[];
  @Field(() => [PatientWhere], { nullable: true }) or?: PatientWhere[];
  @Field(() => PatientWhere, { nullable: true }) not?: PatientWhere;
}

export const patientWhereSpec: WhereSpec = whereSpec(PatientWhere, {
  id: { column: "id", idType: "Patient" },
  subjectCode: { column: "subjectCode" },
  sex: { column: "sex" },
  status: { column: "status" },
  ageAtInclusion: { column: "ageAtInclusion" },
  yearOfBirth: { column: "yearOfBirth" },
  inclusionDate: { column: "inclusionDate" },
  treatmentStartDate: { column: "treatmentStartDate" },
  diseaseDurationYears: { column: "diseaseDurationYears" },
  cohortId: { column: "cohortId", idType: "Cohort" },
  siteId: { column: "siteId", idType: "Site" },
  cohort: toOne("cohort", "cohortId", () => cohortWhereSpec),
  site: toOne("site", "siteId", () => siteWhereSpec),
});

export enum PatientOrderField {
  SUBJECT_CODE = "SUBJECT_CODE",
  INCLUSION_DATE = "INCLUSION_DATE",
  AGE_AT_INCLUSION = "AGE_AT_INCLUSION",
  STATUS = "STATUS",
  SEX = "SEX",
  DISEASE_DURATION = "DISEASE_DURATION",
}
registerEnumType(PatientOrderField, { name: "PatientOrderField" });

export const PatientOrder = orderType(PatientOrderField, "Patient");

export const patientListSpec: ListSpec<Patient> = {
  entity: Patient,
  alias: "patient",
  where: patientWhereSpec,
  order: {
    SUBJECT_CODE: { column: "subjectCode" },
    INCLUSION_DATE: { column: "inclusionDate" },
    AGE_AT_INCLUSION: { column: "ageAtInclusion" },
    STATUS: { column: "status" },
    SEX: { column: "sex" },
    DISEASE_DURATION: { column: "diseaseDurationYears" },
  },
  defaultOrder: [{ field: PatientOrderField.SUBJECT_CODE, direction: OrderDirection.ASC }],
  stats: { ageAtInclusion: "ageAtInclusion", diseaseDurationYears: "diseaseDurationYears", yearOfBirth: "yearOfBirth" },
};

export const PatientConnection = connectionType("Patient", Patient, Object.keys(patientListSpec.stats), "patients");


export const patientDimensions: Record<string, GroupDimension> = {
  ...patientDimensionsOf("patient"),
  STATUS: { joins: [], expression: `"patient"."status"` },
  SEX: { joins: [], expression: `"patient"."sex"` },
};

export const PatientGroups = groupTypes("Patient", { ...SHARED_DIMENSION_DESCRIPTIONS, STATUS: "Patient status", SEX: "Sex" }, Object.keys(patientListSpec.stats));
