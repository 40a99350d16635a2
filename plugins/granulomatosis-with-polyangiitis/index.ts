import { definePlugin } from "../../src/plugin-api";
import { ADVOCATE_REMISSION } from "./advocate-remission";
import { BVAS_V3 } from "./bvas-v3";
import { BVAS_WG } from "./bvas-wg";
import { demoAssessments } from "./demo";
import { AAV_EULAR_REMISSION } from "./eular-remission";
import { AAV_EULAR_RESPONSE } from "./eular-response";

export default definePlugin({
  id: "granulomatosis-with-polyangiitis",
  apiVersion: "^1.0.0",
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
  demo: { assessments: demoAssessments },
});
