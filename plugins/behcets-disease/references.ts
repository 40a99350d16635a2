/** Primary references of the Behçet's disease plugin, cited per item group in README.md. */

export const BHAKTA_1999 =
  "Bhakta BB, Brennan P, James TE, Chamberlain MA, Noble BA, Silman AJ. Behçet's disease: evaluation of a new instrument to measure clinical activity. Rheumatology (Oxford) 1999;38(8):728-733.";

export const LAWTON_2004 =
  "Lawton G, Bhakta BB, Chamberlain MA, Tennant A. The Behçet's disease activity index. Rheumatology (Oxford) 2004;43(1):73-78.";

export const BDAI_SHEET =
  "The Behçet's disease activity index (BDAI) scoring sheet, reproduced as a supplementary document citing Bhakta 1999 (https://docsbay.net/the-beh-et-s-disease-activity-index-bdai): " +
  "'Score = 1 for answering YES in each item', raw index 0-12, and the table converting it to the transformed index.";

export const HATEMI_2019 =
  "Hatemi G, Mahr A, Ishigatsubo Y, Song YW, Takeno M, Kim D, et al. Trial of apremilast for oral ulcers in Behçet's syndrome (RELIEF). N Engl J Med 2019;381(20):1918-1928.";

export const HATEMI_2015 =
  "Hatemi G, Melikoglu M, Tunc R, Korkmaz C, Turgut Ozturk B, Mat C, et al. Apremilast for Behçet's syndrome: a phase 2, placebo-controlled study. N Engl J Med 2015;372(16):1510-1518.";

export const SUN_2005 =
  "Jabs DA, Nussenblatt RB, Rosenbaum JT; Standardization of Uveitis Nomenclature (SUN) Working Group. Standardization of uveitis nomenclature for reporting clinical data. Results of the First International Workshop. Am J Ophthalmol 2005;140(3):509-516.";
