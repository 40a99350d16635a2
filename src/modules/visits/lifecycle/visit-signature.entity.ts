import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { User } from "../../access/user.entity";
import { Visit } from "../visit.entity";
import { ScopeRule } from "../../access/scope-rule";

/** What the signer attests to (21 CFR 11.50: every signature states its meaning). */
export enum SignatureMeaning {
  APPROVAL = "APPROVAL",
  REVIEW = "REVIEW",
  RESPONSIBILITY = "RESPONSIBILITY",
}
registerEnumType(SignatureMeaning, {
  name: "SignatureMeaning",
  valuesConfig: {
    APPROVAL: { description: "I approve the data of this visit as accurate and complete." },
    REVIEW: { description: "I have reviewed the data of this visit." },
    RESPONSIBILITY: { description: "I take responsibility for the data of this visit." },
  },
});

/**
 * An investigator's electronic signature of a visit's data. Never deleted: a change to the visit
 * voids it (voidedAt and voidReason), and the visit must be signed again.
 */
@ObjectType({ description: "An electronic signature of a visit: who signed, when, with which meaning, over which content." })
@ScopeRule("visit record")
@Entity("visit_signature")
@Index(["visitId"])
export class VisitSignature {
  @PrimaryGeneratedColumn()
  id: number;

  @Column("integer")
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visitId" })
  visit?: Visit;

  @Column("integer")
  signerId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "signerId" })
  signer?: User;

  @Field({ description: "The signer's printed name at the time of signing." })
  @Column("varchar")
  signerName: string;

  @Field()
  @Column("varchar")
  signerUsername: string;

  @Field({ description: "UTC server time of signing, ISO-8601." })
  @Column("varchar")
  signedAt: string;

  @Field(() => SignatureMeaning)
  @Column("varchar")
  meaning: SignatureMeaning;

  @Field({ description: "SHA-256 of the signed content: the visit and every record of it, as they were when signed." })
  @Column("varchar")
  contentHash: string;

  @Field(() => String, { nullable: true, description: "When a change to the visit voided the signature (UTC, ISO-8601)." })
  @Column({ type: "varchar", nullable: true })
  voidedAt: string | null;

  @Field(() => String, { nullable: true, description: "The reason given for the change that voided it." })
  @Column({ type: "varchar", nullable: true })
  voidReason: string | null;
}
