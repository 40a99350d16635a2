import type { DiseasePlugin } from "../src/plugin-api";
import rheumatoidArthritis from "./rheumatoid-arthritis";
import ankylosingSpondylitis from "./ankylosing-spondylitis";
import autoimmuneHepatitis from "./autoimmune-hepatitis";
import psoriasis from "./psoriasis";
import sclerosingCholangitis from "./sclerosing-cholangitis";
import systemicLupusErythematosus from "./systemic-lupus-erythematosus";
import granulomatosisWithPolyangiitis from "./granulomatosis-with-polyangiitis";
import behcetsDisease from "./behcets-disease";
import takayasuArteritis from "./takayasu-arteritis";
import crohnsDisease from "./crohns-disease";
import ulcerativeColitis from "./ulcerative-colitis";

/** The disease plugins this service runs with: one line per plugin. */
export const plugins: DiseasePlugin[] = [
  rheumatoidArthritis,
  ankylosingSpondylitis,
  psoriasis,
  systemicLupusErythematosus,
  granulomatosisWithPolyangiitis,
  behcetsDisease,
  takayasuArteritis,
  sclerosingCholangitis,
  crohnsDisease,
  ulcerativeColitis,
  autoimmuneHepatitis,
];
