import { booleanInput, numberInput } from "../../src/plugin-api";

/**
 * Inputs shared by PGA_SLE and the single-visit states (LLDAS, DORIS_REMISSION), declared once so that the
 * physician global and the glucocorticoid dose mean the same thing wherever they are entered.
 */

export const physicianGlobal = numberInput("physicianGlobal", "Physician global assessment (PGA, 0–3)", {
  min: 0,
  max: 3,
  description:
    "SELENA-SLEDAI physician global assessment of current lupus activity on a 0–3 line (0 none, 1 mild, 2 moderate, 3 severe), marked before the " +
    "SLEDAI is scored. Enter the value as read (e.g. 1.25); it is used unrounded.",
});

export const prednisoloneDose = numberInput("prednisoloneDose", "Current prednisolone dose (or equivalent)", {
  unit: "mg/day",
  min: 0,
  max: 2000,
  description: "Current daily oral glucocorticoid dose as prednisolone (or prednisone) equivalent, in mg/day; 0 when none.",
});

export const newActivity = booleanInput("newActivity", "New lupus activity since the previous assessment", {
  description: "Any new feature of lupus disease activity compared with the previous assessment (LLDAS criterion 2). False at a first assessment with nothing to compare.",
});

export const haemolyticAnaemia = booleanInput("haemolyticAnaemia", "Haemolytic anaemia", {
  description: "Active lupus haemolytic anaemia (not a SLEDAI-2K descriptor; LLDAS criterion 1 excludes it).",
});

export const gastrointestinalActivity = booleanInput("gastrointestinalActivity", "Gastrointestinal lupus activity", {
  description: "Active gastrointestinal lupus as judged by the investigator (not a SLEDAI-2K descriptor; LLDAS criterion 1 excludes it).",
});
