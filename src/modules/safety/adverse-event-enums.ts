import { registerEnumType } from "type-graphql";

export enum Relatedness {
  NOT_RELATED = "NOT_RELATED",
  UNLIKELY = "UNLIKELY",
  POSSIBLE = "POSSIBLE",
  PROBABLE = "PROBABLE",
  DEFINITE = "DEFINITE",
}
registerEnumType(Relatedness, { name: "Relatedness", description: "Investigator's assessment of causality to the study drug." });

export enum AdverseEventOutcome {
  RECOVERED = "RECOVERED",
  RECOVERING = "RECOVERING",
  NOT_RECOVERED = "NOT_RECOVERED",
  RECOVERED_WITH_SEQUELAE = "RECOVERED_WITH_SEQUELAE",
  FATAL = "FATAL",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(AdverseEventOutcome, { name: "AdverseEventOutcome", description: "CDISC AEOUT controlled terms." });

export enum ActionTaken {
  DOSE_NOT_CHANGED = "DOSE_NOT_CHANGED",
  DOSE_DELAYED = "DOSE_DELAYED",
  DOSE_INTERRUPTED = "DOSE_INTERRUPTED",
  DRUG_WITHDRAWN = "DRUG_WITHDRAWN",
  NOT_APPLICABLE = "NOT_APPLICABLE",
}
registerEnumType(ActionTaken, { name: "ActionTaken", description: "Action taken with the study drug (CDISC AEACN)." });
