import { definePlugin } from "../../src/plugin-api";
import { demoAssessments } from "./demo";
import { DORIS_REMISSION } from "./doris-remission";
import { LLDAS } from "./lldas";
import { PGA_SLE } from "./pga";
import { SLEDAI_2K } from "./sledai-2k";
import { SRI_CRITERIA } from "./sri";

export default definePlugin({
  id: "systemic-lupus-erythematosus",
  apiVersion: "^1.2.0",
  name: "Systemic lupus erythematosus",
  shortName: "SLE",
  description:
    "Systemic lupus erythematosus: SLEDAI-2K (24 descriptors, 10-day window, Cook 2000 activity strata) and the physician global assessment " +
    "(PGA_SLE, 0–3); SRI-4 to SRI-8 responder criteria (SRI_4 … SRI_8, with PGA_SLE as companion and the new BILAG-2004 A/B domain counts as " +
    "parameters; BILAG-2004 is not scored); LLDAS (Franklyn 2016) and 2021 DORIS remission as single-visit states. SELENA-SLEDAI is not implemented.",
  instruments: [SLEDAI_2K, PGA_SLE, LLDAS, DORIS_REMISSION],
  primaryInstrument: "SLEDAI_2K",
  responseCriteria: SRI_CRITERIA,
  efficacyEndpoints: [
    { code: "SLE_SLEDAI_2K_CHANGE", label: "SLEDAI-2K change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "SLEDAI_2K", defaultVisit: "D183", description: "SRI-4 is not declared as an endpoint: it needs the new BILAG-2004 A/B domains, which the service does not record." },
    { code: "SLE_PGA_CHANGE", label: "Physician global assessment change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "PGA_SLE", defaultVisit: "D183" },
  ],
  // The registry record gives SLE patients a weekly maintenance regimen; lupus affects women about 9 times as often.
  demo: { assessments: demoAssessments, maintenanceIntervalDays: 7, femaleShare: 0.9 },
});
