import type { DiseasePlugin } from "../src/plugin-api";
import rheumatoidArthritis from "./rheumatoid-arthritis";
import ankylosingSpondylitis from "./ankylosing-spondylitis";
import autoimmuneHepatitis from "./autoimmune-hepatitis";
import psoriasis from "./psoriasis";
import sclerosingCholangitis from "./sclerosing-cholangitis";
import systemicLupusErythematosus from "./systemic-lupus-erythematosus";

/** The disease plugins this service runs with: one line per plugin. */
export const plugins: DiseasePlugin[] = [
  rheumatoidArthritis,
  ankylosingSpondylitis,
  psoriasis,
  systemicLupusErythematosus,
  sclerosingCholangitis,
  autoimmuneHepatitis,
];
