import type { GraphQLInterfaceType, GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { entities } from "../db/entities";
import type { Context } from "../graphql/context";
import { fromGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

const ENTITY_BY_TYPE = new Map<string, (typeof entities)[number]>(entities.map((entity) => [entity.name, entity]));

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Refetches any object by its global id; null when it does not exist." })
  async node(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<Node | undefined> {
    const decoded = fromGlobalId(id);
    const entity = decoded && ENTITY_BY_TYPE.get(decoded.type);
    // Only types that are Nodes: ids of users, role assignments or audit records name nothing here.
    const nodeTypes = info.schema.getPossibleTypes(info.schema.getType("Node") as GraphQLInterfaceType);
    if (!decoded || !entity || !nodeTypes.some((type) => type.name === decoded.type)) return undefined;
    return (await loaders.byId(entity as never).load(decoded.key)) as Node | undefined;
  }
}
