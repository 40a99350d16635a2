import { createHash } from "node:crypto";
import { stringify } from "safe-stable-stringify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LabResult } from "../../src/modules/labs/lab-result.entity";
import { LIFECYCLE_COLUMNS } from "../../src/modules/records/record-base";
import { lifecycleKinds } from "../../src/modules/records/record-kinds";
import { HASHED_SINCE_FIRST_SIGNATURES, visitContentHash } from "../../src/modules/visits/lifecycle/signed-content";
import { Visit } from "../../src/modules/visits/visit.entity";
import { VitalSigns } from "../../src/modules/vital-signs/vital-signs.entity";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

/**
 * A signature stores the SHA-256 of its visit's content; `contentMatches` recomputes it. The form of
 * that content is a stored format: a hash computed before a kind of visit content was declared must be
 * computed the same after, for a visit that has no record of the new kind.
 */
describe("the signed content of a visit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { demo: true });
  });
  afterAll(() => t.close());

  /** The content as signatures made before vital signs existed hashed it: the four first kinds, empty lists included. */
  async function firstFormatHash(visit: Visit): Promise<string> {
    const manager = t.dataSource.manager;
    const columns = (entity: Function, row: object) =>
      Object.fromEntries(
        manager.connection
          .getMetadata(entity)
          .columns.filter((c) => !LIFECYCLE_COLUMNS.has(c.propertyName))
          .map((c) => [c.propertyName, c.getEntityValue(row) ?? null]),
      );
    const records: Record<string, unknown[]> = {};
    for (const name of HASHED_SINCE_FIRST_SIGNATURES) {
      const entity = manager.connection.getMetadata(name).target as Function;
      const rows = await manager.createQueryBuilder(entity, "r").where(`"r"."visitId" = :id`, { id: visit.id }).orderBy(`"r"."id"`, "ASC").getMany();
      records[name] = rows.map((row) => columns(entity, row));
    }
    return createHash("sha256").update(stringify({ visit: columns(Visit, visit), records })!).digest("hex");
  }

  it("hashes a visit without vital signs as signatures made before vital signs existed did", async () => {
    const manager = t.dataSource.manager;
    const visit = (await manager.findOne(Visit, { where: {}, order: { id: "ASC" } }))!;
    expect(await manager.countBy(LabResult, { visitId: visit.id })).toBeGreaterThan(0);
    await manager.delete(VitalSigns, { visitId: visit.id });
    expect(await visitContentHash(manager, visit)).toBe(await firstFormatHash(visit));
  });

  it("changes the hash when a record of a later kind is part of the visit", async () => {
    const manager = t.dataSource.manager;
    const withVitals = (await manager.findOne(VitalSigns, { where: {}, order: { id: "ASC" } }))!;
    const visit = (await manager.findOneBy(Visit, { id: withVitals.visitId }))!;
    expect(await visitContentHash(manager, visit)).not.toBe(await firstFormatHash(visit));
  });

  it("names every kind of visit content declared first", () => {
    const declared = lifecycleKinds().filter((kind) => kind.visitContent).map((kind) => kind.name);
    for (const name of HASHED_SINCE_FIRST_SIGNATURES) expect(declared).toContain(name);
  });
});
