/** Primary references of the Crohn's disease instruments and criteria, cited per item group. */
export const BEST_1976 =
  "Best WR, Becktel JM, Singleton JW, Kern F Jr. Development of a Crohn's disease activity index. National Cooperative Crohn's Disease Study. Gastroenterology 1976;70(3):439-444.";
export const SANDBORN_2002 =
  "Sandborn WJ, Feagan BG, Hanauer SB, et al. A review of activity indices and efficacy endpoints for clinical trials of medical therapy in adults with Crohn's disease. Gastroenterology 2002;122(2):512-530.";
export const HARVEY_BRADSHAW_1980 = "Harvey RF, Bradshaw JM. A simple index of Crohn's-disease activity. Lancet 1980;1(8167):514.";
export const BEST_2006 =
  "Best WR. Predicting the Crohn's disease activity index from the Harvey-Bradshaw Index. Inflamm Bowel Dis 2006;12(4):304-310.";
export const VERMEIRE_2010 =
  "Vermeire S, Schreiber S, Sandborn WJ, Dubois C, Rutgeerts P. Correlation between the Crohn's disease activity and Harvey-Bradshaw indices in assessing Crohn's disease severity. Clin Gastroenterol Hepatol 2010;8(4):357-363.";
