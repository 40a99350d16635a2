import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: every object with a global id can be refetched with `node(id:)`. */
@InterfaceType("Node", {
  description: "An object with a stable global id.",
  autoRegisterImplementations: false,
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id, stable across requests." })
  id: string;
}
