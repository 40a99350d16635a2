import { registerEnumType } from "type-graphql";

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
}
registerEnumType(Sex, { name: "Sex", description: "Sex recorded at inclusion (CDISC DM.SEX F/M)." });

export enum PatientStatus {
  SCREENED = "SCREENED",
  INCLUDED = "INCLUDED",
  COMPLETED = "COMPLETED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(PatientStatus, { name: "PatientStatus" });
