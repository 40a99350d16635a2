import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";
import { nestedConnection, rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { auditCreate } from "../audit/audit-writer";
import { Patient } from "../patients/patient.entity";
import { visitContentChanged } from "../visits/lifecycle/visit-changes";
import { Visit } from "../visits/visit.entity";
import { correctRecord } from "./correct-record";
import type { AnyRecordKind } from "./record-kind";
import { CHANGE_REASON, EXPECTED_VERSION } from "./write-args";
import { openForWrite } from "./write-guard";


/*
 * Methods are named after the field they resolve: type-graphql matches a field resolver to its field by
 * method name within the object type, so two kinds' nested lists under Patient must not share one.
 */

/**
 * The GraphQL fields every declared kind of record has, derived from its declaration: the root list
 * and its group-by query, the lists under a patient and a visit, and the record and correct mutations.
 * What is particular to a kind (a lab result's test, an assessment's response) stays in its own resolver.
 */
export function kindResolvers(kind: AnyRecordKind): Function[] {
  const { Where, Order, Connection, listSpec, lists, write } = kind;

  /** A list of the kind under a parent (a patient or a visit), batched across parents. */
  const nestedList = (Parent: typeof Patient | typeof Visit, parentColumn: "patientId" | "visitId", nested: { field: string; description: string }) => {
    @Resolver(() => Parent)
    class NestedList {
      @FieldResolver(() => Connection, { name: nested.field, description: nested.description })
      [nested.field](
        @Root() parent: { id: number },
        @Args() page: PageArgs,
        @Arg("where", () => Where, { nullable: true }) where: object | null,
        @Arg("orderBy", () => [Order], { nullable: true }) orderBy: OrderInput[] | null,
        @Ctx() context: Context,
      ) {
        return nestedConnection(context, listSpec, Connection, parentColumn, parent.id, { ...page, where, orderBy });
      }
    }
    return NestedList;
  };

  const rootList = (root: { field: string; description: string }) => {
    @Resolver()
    class RootList {
      @Query(() => Connection, { name: root.field, description: root.description })
      [root.field](
        @Args() page: PageArgs,
        @Arg("where", () => Where, { nullable: true }) where: object | null,
        @Arg("orderBy", () => [Order], { nullable: true }) orderBy: OrderInput[] | null,
        @Ctx() context: Context,
      ) {
        return rootConnection(context, listSpec, Connection, { ...page, where, orderBy });
      }
    }
    return RootList;
  };

  @Resolver()
  class Writes {
    @Mutation(() => kind.entity, { name: `record${write.mutation}`, description: write.recordDescription })
    [`record${write.mutation}`](@Arg("input", () => write.input) input: object, @Ctx() { dataSource, access, registry }: Context) {
      return dataSource.transaction(async (manager) => {
        const { target, options } = write.opens(input);
        const { visit, guarded } = await openForWrite(manager, access, target, options);
        const record = await manager.save(await write.build(manager, input, { registry, guarded }));
        await auditCreate(manager, access, kind.entity, record);
        // A record added to a visit is part of its content: the visit moves to its next version.
        if (options?.adding && visit) await visitContentChanged(manager, access, visit, null);
        return record;
      });
    }

    @Mutation(() => kind.entity, { name: `correct${write.mutation}`, description: write.correctDescription })
    [`correct${write.mutation}`](
      @Arg("id", () => ID) id: string,
      @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number,
      @Arg("reason", () => String, CHANGE_REASON) reason: string | null,
      @Arg("input", () => write.input) input: object,
      @Ctx() { dataSource, access, registry }: Context,
    ) {
      return dataSource.transaction((manager) =>
        correctRecord(manager, access, kind, { id, expectedVersion, reason }, input, (replacing, guarded) => write.build(manager, input, { registry, replacing, guarded })),
      );
    }
  }

  const resolvers: Function[] = [Writes, ...(kind.resolvers ?? [])];
  if (lists.root) resolvers.push(rootList(lists.root));
  if (lists.visit) resolvers.push(nestedList(Visit, "visitId", lists.visit));
  if (lists.patient) resolvers.push(nestedList(Patient, "patientId", lists.patient));
  if (kind.groups && kind.groupTypes && kind.dimensions) {
    const { groups, groupTypes, dimensions } = { groups: kind.groups, groupTypes: kind.groupTypes, dimensions: kind.dimensions };
    @Resolver()
    class Groups {
      @Query(() => [groupTypes.Group], { name: groups.field, description: groups.description })
      async [groups.field](
        @Arg("by", () => [groupTypes.GroupField]) by: string[],
        @Arg("where", () => Where, { nullable: true }) where: object | null,
        @Ctx() { dataSource, access }: Context,
      ) {
        return (await groupRows(dataSource.manager, listSpec, dimensions, by, listRequest(access, { where }))).map(groupTypes.toGroup);
      }
    }
    resolvers.push(Groups);
  }
  return resolvers;
}
