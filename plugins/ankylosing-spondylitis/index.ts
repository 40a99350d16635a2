import { definePlugin } from "../../src/plugin-api";
import { ASAS_DOMAINS } from "./asas-domains";
import { ASAS_PARTIAL_REMISSION } from "./asas-partial-remission";
import { ASAS20, ASAS40 } from "./asas-response";
import { ASDAS_INSTRUMENTS } from "./asdas";
import { ASDAS_IMPROVEMENT } from "./asdas-improvement";
import { BASDAI } from "./basdai";
import { BASDAI50 } from "./basdai50";
import { BASFI } from "./basfi";
import { demoAssessments } from "./demo";

export default definePlugin({
  id: "ankylosing-spondylitis",
  apiVersion: "^1.3.0",
  name: "Ankylosing spondylitis / axial spondyloarthritis",
  shortName: "AS",
  description:
    "Ankylosing spondylitis and axial SpA: ASDAS-CRP (primary) and ASDAS-ESR with activity states, BASDAI, BASFI, the ASAS domains " +
    "and ASAS partial remission; ASDAS improvement, BASDAI50, ASAS20 and ASAS40 response.",
  instruments: [...ASDAS_INSTRUMENTS, BASDAI, BASFI, ASAS_DOMAINS, ASAS_PARTIAL_REMISSION],
  // ASAS recommends ASDAS-CRP as the preferred disease activity measure.
  primaryInstrument: "ASDAS_CRP",
  responseCriteria: [ASDAS_IMPROVEMENT, BASDAI50, ASAS20, ASAS40],
  efficacyEndpoints: [
    { code: "AS_ASDAS_CRP_CHANGE", label: "ASDAS-CRP change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "ASDAS_CRP", defaultVisit: "D183" },
    { code: "AS_ASDAS_IMPROVEMENT", label: "ASDAS clinically important improvement (≥ 1.1) on ASDAS-CRP", kind: "RESPONSE", role: "SECONDARY", instrument: "ASDAS_CRP", criterion: "ASDAS_IMPROVEMENT", defaultVisit: "D183" },
    { code: "AS_BASDAI50", label: "BASDAI50 response", kind: "RESPONSE", role: "SECONDARY", instrument: "BASDAI", criterion: "BASDAI50", defaultVisit: "D183" },
    { code: "AS_ASAS20", label: "ASAS20 response", kind: "RESPONSE", role: "SECONDARY", instrument: "ASAS_DOMAINS", criterion: "ASAS20", defaultVisit: "D183" },
    { code: "AS_BASDAI_CHANGE", label: "BASDAI change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "BASDAI", defaultVisit: "D183" },
    { code: "AS_BASFI_CHANGE", label: "BASFI change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "BASFI", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments, femaleShare: 0.3 },
});
