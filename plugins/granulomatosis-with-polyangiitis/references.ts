/** Full references shared by the GPA instruments and criteria (one place, so every citation reads the same). */

export const MUKHTYAR_2009 =
  "Mukhtyar C, Lee R, Brown D, Carruthers D, Dasgupta B, Dubey S, et al. Modification and validation of the Birmingham Vasculitis Activity Score (version 3). Ann Rheum Dis 2009;68(12):1827-1832. doi:10.1136/ard.2008.101279 (56 items in 9 organ systems; unified new/worse and persistent subscores).";
export const BVAS_V3_RULES =
  "BVAS version 3 scoring rules and glossary (rules 1-5, maximum scores per system; General, Cutaneous and Mucous membranes/eyes items 1-5 with their weights), reproduced at https://id.scribd.com/document/440291786/BVAS; form text at http://golem.ndorms.ox.ac.uk/calculators/bvas.html.";
export const BVAS_2003_GLOSSARY =
  "Glossary and scoring for BVAS 2003 (the draft validated as BVAS v3): Chest items 3-7 and all Cardiovascular items with the Cardiovascular maximum, https://yumpu.com/en/document/view/53039439/glossary-and-scoring-for-bvas-2003-general-rare-disease/2.";
export const BVAS_TRAINING_MANUAL =
  "Luqmani RA, Brown D, Hall C, et al. Vasculitis Assessment Training Manual for BVAS and VDI, version 8.1. University of Oxford (NDORMS), 2018 (not read in full here: see the plugin README).";
export const BVAS_V3_FRENCH_IMPLEMENTATION =
  "An open-source French BVAS v3 calculator (secondary source): per-item persistent and new/worse weights and the caps of all 9 systems; source of the ◐ weights and, with the second implementation, of the ENT, renal and nervous-system persistent caps (repository not named in the project's domain notes).";
export const BVAS_V3_SECOND_IMPLEMENTATION =
  "A public rheumatology web application (secondary source; described as Turkish in the domain notes' legend and as an open-source Italian app in their source list): per-system caps, agreeing with the French calculator on the ENT 3, renal 6 and nervous-system 6 persistent caps and on the ◐ weights.";
export const STONE_2001 =
  "Stone JH, Hoffman GS, Merkel PA, Min YI, Uhlfelder ML, Hellmann DB, et al. A disease-specific activity index for Wegener's granulomatosis: modification of the Birmingham Vasculitis Activity Score. International Network for the Study of the Systemic Vasculitides (INSSYS). Arthritis Rheum 2001;44(4):912-920.";
export const BVAS_WG_INSTRUCTIONS =
  "BVAS/WG instructions manual and glossary: new/worse versus persistent per item, first untreated assessment all new/worse (http://www.clevelandclinic.org/arthritis/vasculitis/instructions.htm; https://docsbay.net/doc/516206/vasculitis-score-introduction).";
export const HELLMICH_2007 =
  "Hellmich B, Flossmann O, Gross WL, Bacon P, Cohen-Tervaert JW, Guillevin L, et al. EULAR recommendations for conducting clinical studies and/or clinical trials in systemic vasculitis: focus on anti-neutrophil cytoplasm antibody-associated vasculitis. Ann Rheum Dis 2007;66(5):605-617 (remission: BVAS 0; response: ≥ 50% reduction of the activity score and absence of new manifestations).";
export const JAYNE_2021 =
  "Jayne DRW, Merkel PA, Schall TJ, Bekker P; ADVOCATE Study Group. Avacopan for the treatment of ANCA-associated vasculitis. N Engl J Med 2021;384(7):599-609 (remission at week 26: BVAS 0 and no glucocorticoids for vasculitis in the previous 4 weeks).";
