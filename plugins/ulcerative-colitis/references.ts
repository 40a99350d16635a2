/** Primary references of the ulcerative colitis instruments and criteria, cited per item group. */
export const SCHROEDER_1987 =
  "Schroeder KW, Tremaine WJ, Ilstrup DM. Coated oral 5-aminosalicylic acid therapy for mildly to moderately active ulcerative colitis. A randomized study. N Engl J Med 1987;317(26):1625-1629.";
export const RUTGEERTS_2005 =
  "Rutgeerts P, Sandborn WJ, Feagan BG, et al. Infliximab for induction and maintenance therapy for ulcerative colitis (ACT 1 and ACT 2). N Engl J Med 2005;353(23):2462-2476.";
export const LEWIS_2008 =
  "Lewis JD, Chuai S, Nessel L, Lichtenstein GR, Aberra FN, Ellenberg JH. Use of the noninvasive components of the Mayo score to assess clinical response in ulcerative colitis. Inflamm Bowel Dis 2008;14(12):1660-1666.";
export const FDA_UC_2016 =
  "U.S. Food and Drug Administration. Ulcerative Colitis: Clinical Trial Endpoints. Guidance for Industry (draft), August 2016 (modified Mayo score without the physician global assessment; endoscopy subscore 1 excludes friability).";
export const SANDBORN_2021_TRUE_NORTH =
  "Sandborn WJ, Feagan BG, D'Haens G, et al. Ozanimod as induction and maintenance therapy for ulcerative colitis (True North). N Engl J Med 2021;385(14):1280-1291 (remission: rectal bleeding 0, stool frequency ≤ 1 with a fall of ≥ 1 from baseline, endoscopy ≤ 1 without friability).";
