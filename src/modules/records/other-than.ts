import { Not } from "typeorm";

/** A `where` fragment that leaves out the record being corrected from duplicate checks. */
export function otherThan(id: number | undefined): { id?: ReturnType<typeof Not<number>> } {
  return id === undefined ? {} : { id: Not(id) };
}
