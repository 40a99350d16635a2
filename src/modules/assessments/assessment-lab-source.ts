import { Field, ID, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";

@ObjectType({ description: "A lab-fed input of an assessment and the stored lab result it was taken from." })
export class AssessmentLabSource {
  @Field({ description: "Name of the instrument input, e.g. alt." })
  input: string;

  @Field(() => ID, { description: "Global id of the LabResult (refetch it with node(id:))." })
  labResultId: string;

  static of(input: string, labResultId: number): AssessmentLabSource {
    return Object.assign(new AssessmentLabSource(), { input, labResultId: toGlobalId("LabResult", labResultId) });
  }
}
