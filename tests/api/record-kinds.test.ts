import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLINICAL_RECORD_KINDS } from "../../src/modules/clinical-records";
import { defineRecordKind } from "../../src/modules/records/record-kind";
import { LabResult } from "../../src/modules/labs/lab-result.entity";
import { labResultKind } from "../../src/modules/labs/lab-result.kind";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

/**
 * The lists, group-by queries and mutations derived from each kind's declaration answer with that
 * kind's records (type-graphql matches resolvers to fields by name: two kinds' lists under one parent
 * could otherwise answer each other's rows with the schema still printing correctly).
 */
describe("declared kinds of clinical record, on the demo trial", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { demo: true });
  });
  afterAll(() => t.close());

  const names = (nodes: Array<{ __typename: string }>) => [...new Set(nodes.map((node) => node.__typename))];

  it.each(CLINICAL_RECORD_KINDS.map((kind) => [kind.name, kind] as const))("%s: every derived list answers the kind's own records", async (_, kind) => {
    const list = `(first: 50) { totalCount nodes { __typename id } }`;
    const { root, visit, patient } = kind.lists;
    if (root) {
      const data = await t.data(`{ ${root.field}${list} }`);
      expect(data[root.field].nodes.length, `${root.field} has rows in the demo trial`).toBeGreaterThan(0);
      expect(names(data[root.field].nodes)).toEqual([kind.name]);
    }
    for (const [parent, nested] of [["visits", visit], ["patients", patient]] as const) {
      if (!nested) continue;
      const data = await t.data(`{ ${parent}(first: 40) { nodes { ${nested.field}${list} } } }`);
      const nodes = data[parent].nodes.flatMap((p: Record<string, { nodes: Array<{ __typename: string }> }>) => p[nested.field].nodes);
      expect(nodes.length, `${parent}.${nested.field} has rows in the demo trial`).toBeGreaterThan(0);
      expect(names(nodes)).toEqual([kind.name]);
    }
    if (kind.groups) {
      const data = await t.data(`{ ${kind.groups.field}(by: [DISEASE]) { key { disease } count } }`);
      const total = data[kind.groups.field].reduce((sum: number, group: { count: number }) => sum + group.count, 0);
      if (root) expect(total).toBe((await t.data(`{ ${root.field}(first: 1) { totalCount } }`))[root.field].totalCount);
      else expect(total).toBeGreaterThan(0);
    }
  });

  it("refuses a second declaration of a kind's name", () => {
    expect(() => defineRecordKind({ ...labResultKind, entity: LabResult })).toThrow("The record kind LabResult is declared twice");
  });
});
