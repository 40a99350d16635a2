import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { NonEmptyArray } from "type-graphql";
import { SignInResolver } from "../modules/access/sign-in.resolver";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { ImmuneProfileMapResolver } from "../modules/analytics/immune-profile-map.resolver";
import { ClinicalEfficacyResolver } from "../modules/analytics/clinical-efficacy.resolver";
import { CrossDiseaseEfficacyResolver } from "../modules/analytics/cross-disease-efficacy.resolver";
import { ImmuneResponseResolver } from "../modules/analytics/immune-response.resolver";
import { SafetySummaryResolver } from "../modules/analytics/safety-summary.resolver";
import { CatalogueResolver } from "../modules/catalogue/catalogue.resolver";
import { ComputeScoreResolver } from "../modules/catalogue/compute-score.resolver";
import { EvaluateResponseResolver } from "../modules/catalogue/evaluate-response.resolver";
import { CLINICAL_RECORD_KINDS } from "../modules/clinical-records";
import { kindResolvers } from "../modules/records/kind-resolvers";
import { NodeResolver } from "../modules/node.resolver";
import { PatientResolver } from "../modules/patients/patient.resolver";
import { PatientWritesResolver } from "../modules/patients/patient-writes.resolver";
import { CohortResolver } from "../modules/study/cohort.resolver";
import { SiteResolver } from "../modules/study/site.resolver";
import { StudyResolver } from "../modules/study/study.resolver";
import { VisitResolver } from "../modules/visits/visit.resolver";
import { VisitWritesResolver } from "../modules/visits/visit-writes.resolver";
import { VisitLifecycleResolver, VisitSignatureResolver } from "../modules/visits/lifecycle/visit-lifecycle.resolver";
import { RecordsResolver } from "../modules/records/records.resolver";
import type { DiseasePlugin } from "../plugin-api";
import { guardFields } from "./guards";
import { checkWhereSpecs } from "./views/where-specs";

const CORE_RESOLVERS = [
  StudyResolver,
  CohortResolver,
  SiteResolver,
  PatientResolver,
  PatientWritesResolver,
  VisitResolver,
  VisitWritesResolver,
  VisitLifecycleResolver,
  VisitSignatureResolver,
  RecordsResolver,
  CatalogueResolver,
  ComputeScoreResolver,
  EvaluateResponseResolver,
  NodeResolver,
  SignInResolver,
  AuditResolver,
  ImmuneResponseResolver,
  SafetySummaryResolver,
  ImmuneProfileMapResolver,
  ClinicalEfficacyResolver,
  CrossDiseaseEfficacyResolver,
] as const;

/**
 * The core schema. Plugins contribute no GraphQL of their own (plugin API 1.2 dropped that hook): what a
 * disease adds — instruments, criteria, endpoints — is declared data the core's resolvers serve, so the
 * site scope, de-identification and query cost of every field stay in one place.
 */
export async function buildBasketSchema(_plugins: readonly DiseasePlugin[]): Promise<GraphQLSchema> {
  const resolvers = [...CORE_RESOLVERS, ...CLINICAL_RECORD_KINDS.flatMap(kindResolvers)] as unknown as NonEmptyArray<Function>;
  const schema = guardFields(await buildSchema({ resolvers, validate: false }));
  checkWhereSpecs(schema);
  return schema;
}
