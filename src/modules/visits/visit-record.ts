import { registerLifecycleKind } from "../records/record-kinds";
import { Visit } from "./visit.entity";

/** Visits are corrected, removed and restored like clinical records; one live visit per planned visit. */
export const VisitRecord = registerLifecycleKind({ name: "Visit", entity: Visit, visitContent: false, uniqueWithin: ["patientId", "plannedVisitId"] });
