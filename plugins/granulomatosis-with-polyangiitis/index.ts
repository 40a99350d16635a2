import { definePlugin } from "../../src/plugin-api";
import { ADVOCATE_REMISSION } from "./advocate-remission";
import { BVAS_V3 } from "./bvas-v3";
import { BVAS_WG } from "./bvas-wg";
import { demoAssessments } from "./demo";
import { AAV_EULAR_REMISSION } from "./eular-remission";
import { AAV_EULAR_RESPONSE } from "./eular-response";

export default definePlugin({
  id: "granulomatosis-with-polyangiitis",
  apiVersion: "^1.2.0",
  name: "Granulomatosis with polyangiitis",
  shortName: "GPA",
  description:
    "Granulomatosis with polyangiitis (ANCA-associated vasculitis): BVAS v3 (PROVISIONAL: several item weights from public implementations only, " +
    "see the instrument description); BVAS/WG new/worse score from major/minor item counts (PROVISIONAL: item list and persistent points " +
    "unconfirmed); EULAR remission (BVAS 0), EULAR response (≥ 50% fall and no new manifestation, from the raw items) and " +
    "ADVOCATE remission (BVAS 0 and no glucocorticoids for vasculitis in the prior 4 weeks).",
  instruments: [BVAS_V3, BVAS_WG],
  primaryInstrument: "BVAS_V3",
  responseCriteria: [AAV_EULAR_REMISSION, AAV_EULAR_RESPONSE, ADVOCATE_REMISSION],
  efficacyEndpoints: [
    { code: "GPA_BVAS_V3_CHANGE", label: "BVAS v3 change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "BVAS_V3", defaultVisit: "D183" },
    { code: "GPA_EULAR_RESPONSE", label: "EULAR response (BVAS v3 fall ≥ 50 %, no new major item)", kind: "RESPONSE", role: "SECONDARY", instrument: "BVAS_V3", criterion: "AAV_EULAR_RESPONSE", defaultVisit: "D183" },
    { code: "GPA_EULAR_REMISSION", label: "EULAR remission (BVAS v3 = 0)", kind: "RESPONSE", role: "SECONDARY", instrument: "BVAS_V3", criterion: "AAV_EULAR_REMISSION", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
