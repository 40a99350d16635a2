import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plugins } from "../plugins";
import { printBasketSchema } from "../src/graphql/print-schema";

/** Writes schema/schema.graphql from the code, or with --check fails when it differs. */
async function main() {
  const file = join(__dirname, "..", "..", "schema", "schema.graphql");
  const printed = await printBasketSchema(plugins);
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      /* a missing file differs */
    }
    if (current !== printed) {
      console.error("schema/schema.graphql is out of date: run `npm run schema:print` and commit it.");
      process.exit(1);
    }
    console.log("schema/schema.graphql matches the code.");
    return;
  }
  writeFileSync(file, printed);
  console.log(`Wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
