import { afterEach, describe, expect, it } from "vitest";
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from "typeorm";
import { createApp } from "../../app";
import { entities } from "../../db/entities";
import { Parameters } from "../../graphql/views/sql-condition";
import { assertScopeRules, ScopeRule } from "./scope-rule";
import { scopeCondition } from "./site-scope";

@Entity("unscoped_note")
class UnscopedNote {
  @PrimaryGeneratedColumn()
  id: number;
}

@ScopeRule("shared", "said to be common to every site, yet each row names a patient")
@Entity("patient_flag")
class PatientFlag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column("integer")
  patientId: number;
}

@ScopeRule("patient record")
@Entity("orphan_record")
class OrphanRecord {
  @PrimaryGeneratedColumn()
  id: number;
}

const opened: DataSource[] = [];

/** A data source of the application's entities plus `extra`, open on an empty in-memory database. */
async function dataSourceWith(...extra: Function[]): Promise<DataSource> {
  const dataSource = new DataSource({ type: "sqlite", database: ":memory:", entities: [...entities, ...extra], synchronize: false });
  opened.push(dataSource);
  return dataSource.initialize();
}

afterEach(async () => {
  for (const dataSource of opened.splice(0)) await dataSource.destroy();
});

describe("site-scope rules, checked at startup", () => {
  it("accepts the application's entities: each has a rule it can follow", async () => {
    const dataSource = await dataSourceWith();
    expect(() => assertScopeRules(dataSource)).not.toThrow();
  });

  it("refuses to start with an entity that has no rule, naming it and where to declare one", async () => {
    const dataSource = await dataSourceWith(UnscopedNote);
    await expect(createApp(dataSource, [])).rejects.toThrow(/Entity UnscopedNote has no site-scope rule: declare it with @ScopeRule/);
  });

  it("refuses an entity declared shared whose rows name a patient", async () => {
    const dataSource = await dataSourceWith(PatientFlag);
    await expect(createApp(dataSource, [])).rejects.toThrow(/Entity PatientFlag is declared shared but its patientId column/);
  });

  it("refuses a patient record without the patientId its condition reads", async () => {
    const dataSource = await dataSourceWith(OrphanRecord);
    await expect(createApp(dataSource, [])).rejects.toThrow(/Entity OrphanRecord is declared "patient record" but has no patientId column/);
  });

  it("refuses a shared entity without a reason", () => {
    expect(() => ScopeRule("shared", " ")(class SilentCatalogue {})).toThrow(/SilentCatalogue is declared shared without a reason/);
  });

  it("never serves an entity without a rule unrestricted: scopeCondition throws, whoever asks", () => {
    for (const scope of [null, { studyIds: [], siteIds: [1] }]) {
      expect(() => scopeCondition("UnscopedNote", "row", scope, new Parameters())).toThrow(/UnscopedNote has no site-scope rule/);
    }
  });
});
