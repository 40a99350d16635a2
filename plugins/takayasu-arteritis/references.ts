/** Primary references of the Takayasu arteritis plugin, cited per item group in README.md. */

export const KERR_1994 =
  "Kerr GS, Hallahan CW, Giordano J, Leavitt RY, Fauci AS, Rottem M, Hoffman GS. Takayasu arteritis. Ann Intern Med 1994;120(11):919-929.";

export const MISRA_2013 =
  "Misra R, Danda D, Rajappa SM, Ghosh A, Gupta R, Mahendranath KM, Jeyaseelan L, Lawrence A, Bacon PA. " +
  "Development and initial validation of the Indian Takayasu Clinical Activity Score (ITAS2010). Rheumatology (Oxford) 2013;52(10):1795-1801.";

export const ITAS_SECONDARY =
  "ITAS2010 item list and weights as transcribed by MDCalc (https://www.mdcalc.com/calc/10100/indian-takayasu-clinical-activity-score-itas2010) and " +
  "independent implementations (an openEHR/GDL guideline in gdl-lang/common-clinical-models; public calculator code): the same seven 2-point items and " +
  "the same 25 cardiovascular sub-locations, matching the abstract's 44 items, 33 of them cardiovascular.";
