import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; make Vite use the same copy
    // or graphql reports "Cannot use GraphQLSchema from another module or realm".
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["src/**/*.test.ts", "plugins/**/*.test.ts", "tests/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./tests/support/closing-line-reporter.ts"],
  },
});
