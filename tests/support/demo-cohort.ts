import type { TestApp } from "./test-app";

export interface DemoCohort {
  /** The first site of the study, where tests create their own patients. */
  siteId: string;
  cohort: { id: string; plannedVisits: Array<{ id: string; code: string }> };
}

/** The demo trial's cohort of one disease and a site to add patients at. */
export async function demoCohort(t: TestApp, diseaseId: string): Promise<DemoCohort> {
  const { study } = await t.data(`{ study { sites { id } cohorts { id diseaseId plannedVisits { id code } } } }`);
  const cohort = study.cohorts.find((c: { diseaseId: string }) => c.diseaseId === diseaseId);
  if (!cohort) throw new Error(`the demo trial has no ${diseaseId} cohort`);
  return { siteId: study.sites[0].id, cohort };
}
