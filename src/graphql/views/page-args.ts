import { ArgsType, Field, Int } from "type-graphql";
import { InvalidInputError } from "../../errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items after the cursor \`after\` (at most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before the cursor \`before\`, counting back (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;

  @Field(() => Int, { nullable: true, description: "Items to skip (for analyst tables); combines with first/after." })
  offset?: number | null;
}

export interface Page {
  size: number;
  backward: boolean;
  cursor?: string;
  offset: number;
}

/** Reads first/after/last/before/offset into one direction and size, or explains what is wrong. */
export function readPage(args: PageArgs): Page {
  const problems: { field: string; message: string; allowed?: string }[] = [];
  const allowed = `an integer from 0 to ${MAX_PAGE_SIZE}`;
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) problems.push({ field: name, message: `${name} must be ${allowed} (got ${value})`, allowed });
  }
  if (args.first != null && args.last != null) problems.push({ field: "last", message: "last cannot be combined with first: page forwards or backwards" });
  if (args.after && args.before) problems.push({ field: "before", message: "before cannot be combined with after" });
  if (args.offset != null && (args.offset < 0 || args.last != null || args.before)) {
    problems.push({ field: "offset", message: "offset must be 0 or more and combines only with first/after" });
  }
  if (problems.length) throw new InvalidInputError(problems);
  const backward = args.last != null || !!args.before;
  return {
    size: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE,
    backward,
    cursor: (backward ? args.before : args.after) ?? undefined,
    offset: args.offset ?? 0,
  };
}
