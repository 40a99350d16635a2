import { lexicographicSortSchema, printSchema } from "graphql";
import type { DiseasePlugin } from "../plugin-api";
import { buildBasketSchema } from "./schema";

/** The SDL checked in as schema/schema.graphql, sorted so that it diffs well. */
export async function printBasketSchema(plugins: readonly DiseasePlugin[]): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildBasketSchema(plugins)))}\n`;
}
