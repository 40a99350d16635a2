import { Field, ID, InputType, Int } from "type-graphql";
import { SignatureMeaning } from "./visit-signature.entity";

@InputType({ description: "A step of a visit's lifecycle. expectedVersion is the visit's version as last read." })
export class VisitStepInput {
  @Field(() => ID)
  visitId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "Why; required to reopen or unlock a visit." })
  reason?: string | null;
}

@InputType({ description: "An investigator's signature of a COMPLETE visit. The password is checked again at signing." })
export class SignVisitInput {
  @Field(() => ID)
  visitId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field({ description: "The signer's own password: a signature is made in person, not by a session." })
  password: string;

  @Field(() => SignatureMeaning)
  meaning: SignatureMeaning;
}
