/** Full references shared by the SLE instruments and criteria (one place, so every citation reads the same). */

export const GLADMAN_2002 =
  "Gladman DD, Ibañez D, Urowitz MB. Systemic lupus erythematosus disease activity index 2000. J Rheumatol 2002;29(2):288-291.";
export const BOMBARDIER_1992 =
  "Bombardier C, Gladman DD, Urowitz MB, Caron D, Chang CH, and the Committee on Prognosis Studies in SLE. Derivation of the SLEDAI: a disease activity index for lupus patients. Arthritis Rheum 1992;35(6):630-640.";
export const TOUMA_2010 = "Touma Z, Urowitz MB, Gladman DD. SLEDAI-2K for a 30-day window. Lupus 2010;19(1):49-51 (30-day window variant, not the default here).";
export const COOK_2000 =
  "Cook RJ, Gladman DD, Pericak D, Urowitz MB. Prediction of short term mortality in systemic lupus erythematosus with time dependent measures of disease activity. J Rheumatol 2000;27(8):1892-1895 (SLEDAI strata 0, 1-5, 6-10, 11-19, 20 and above).";
export const MIKDASHI_2015 =
  "Mikdashi J, Nived O. Measuring disease activity in adults with systemic lupus erythematosus: the challenges of administrative burden and responsiveness to patient concerns in clinical research. Arthritis Res Ther 2015;17:183 (restates the Cook 2000 strata as activity categories).";
export const PETRI_2005 =
  "Petri M, Kim MY, Kalunian KC, Grossman J, Hahn BH, Sammaritano LR, et al. Combined oral contraceptives in women with systemic lupus erythematosus. N Engl J Med 2005;353(24):2550-2558 (SELENA-SLEDAI and its physician global assessment, 0-3).";
export const FURIE_2009 =
  "Furie RA, Petri MA, Wallace DJ, Ginzler EM, Merrill JT, Stohl W, et al. Novel evidence-based systemic lupus erythematosus responder index. Arthritis Rheum 2009;61(9):1143-1151.";
export const NAVARRA_2011 =
  "Navarra SV, Guzmán RM, Gallacher AE, Hall S, Levy RA, Jimenez RE, et al. Efficacy and safety of belimumab in patients with active systemic lupus erythematosus: a randomised, placebo-controlled, phase 3 trial (BLISS-52). Lancet 2011;377(9767):721-731.";
export const FRANKLYN_2016 =
  "Franklyn K, Lau CS, Navarra SV, Louthrenoo W, Lateef A, Hamijoyo L, et al. Definition and initial validation of a Lupus Low Disease Activity State (LLDAS). Ann Rheum Dis 2016;75(9):1615-1621.";
export const GOLDER_2016 =
  "Golder V, Kandane-Rathnayake R, Hoi AY, Huq M, Louthrenoo W, An Y, et al. Frequency and predictors of the lupus low disease activity state in a multi-national and multi-ethnic cohort. Arthritis Res Ther 2016;18:260 (operational maximum maintenance doses).";
export const VAN_VOLLENHOVEN_2021 =
  "van Vollenhoven RF, Bertsias G, Doria A, Isenberg D, Morand E, Petri MA, et al. 2021 DORIS definition of remission in SLE: final recommendations from an international task force. Lupus Sci Med 2021;8(1):e000538. doi:10.1136/lupus-2021-000538.";
export const VAN_VOLLENHOVEN_2017 =
  "van Vollenhoven R, Voskuyl A, Bertsias G, Aranow C, Aringer M, Arnaud L, et al. A framework for remission in SLE: consensus findings from a large international task force on definitions of remission in SLE (DORIS). Ann Rheum Dis 2017;76(3):554-561.";
