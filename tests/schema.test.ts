import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plugins } from "../plugins";
import { printBasketSchema } from "../src/graphql/print-schema";

describe("schema/schema.graphql", () => {
  it("is what the code builds (regenerate with npm run schema:print)", async () => {
    const checkedIn = readFileSync(join(__dirname, "..", "schema", "schema.graphql"), "utf8");
    expect(await printBasketSchema(plugins)).toBe(checkedIn);
  });
});
