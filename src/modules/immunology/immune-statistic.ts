import { registerEnumType } from "type-graphql";

export enum ImmuneStatistic {
  PERCENT_OF_PARENT = "PERCENT_OF_PARENT",
  CELLS_PER_UL = "CELLS_PER_UL",
  MFI = "MFI",
  RATIO = "RATIO",
}
registerEnumType(ImmuneStatistic, {
  name: "ImmuneStatistic",
  description: "What a flow-cytometry value measures: % of the parent population, absolute count, median fluorescence intensity of a marker, or a ratio of two populations.",
});
