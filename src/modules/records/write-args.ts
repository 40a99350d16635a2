/** The arguments every change of an existing record takes, described once. */
export const EXPECTED_VERSION = { description: "The record's version as last read; a stale one gets CONFLICT." };
export const CHANGE_REASON = { nullable: true, description: "Why; required once the visit is complete, and always for patient-level records." };
