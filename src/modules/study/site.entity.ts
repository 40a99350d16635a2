import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Study } from "./study.entity";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: Node, description: "An investigational site (centre) of the study." })
@ScopeRule("site")
@Entity("site")
@Index(["studyId", "code"], { unique: true })
export class Site {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("Site", this.id);
  }

  @Column("integer")
  studyId: number;

  @ManyToOne(() => Study, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "studyId" })
  study?: Study;

  @Field({ description: "Site number within the study, e.g. 01." })
  @Column("varchar")
  code: string;

  @Field()
  @Column("varchar")
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  city: string | null;
}
