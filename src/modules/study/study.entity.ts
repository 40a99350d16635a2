import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: Node, description: "A clinical study (protocol) and its registry identity." })
@ScopeRule("shared", "the protocol and its registry identity, common to every site")
@Entity("study")
export class Study {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("Study", this.id);
  }

  @Field({ description: "Short protocol code, e.g. TRANSREG." })
  @Column({ type: "varchar", unique: true })
  code: string;

  @Field()
  @Column("varchar")
  title: string;

  @Field(() => String, { nullable: true, description: "Public registry id, e.g. NCT01988506." })
  @Column({ type: "varchar", nullable: true })
  registryId: string | null;

  @Field(() => String, { nullable: true, description: "Phase as registered, e.g. I/IIa." })
  @Column({ type: "varchar", nullable: true })
  phase: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  sponsor: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "When the study was locked for the final analysis (UTC, ISO-8601); every write is refused while set." })
  @Column({ type: "varchar", nullable: true })
  lockedAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  lockReason: string | null;
}
