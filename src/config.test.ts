import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("production defaults", () => {
  it("leave the demo trial off in production unless asked, on in development", () => {
    expect(loadConfig({}).loadDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).loadDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", BASKETQL_DEMO: "1" }).loadDemo).toBe(true);
    expect(loadConfig({ BASKETQL_DEMO: "off" }).loadDemo).toBe(false);
  });

  it("never log SQL values in production, and outside it only with BASKETQL_LOG_SQL", () => {
    expect(loadConfig({}).logSqlValues).toBe(false);
    expect(loadConfig({ BASKETQL_LOG_SQL: "1" })).toMatchObject({ logSql: true, logSqlValues: true });
    expect(loadConfig({ NODE_ENV: "production", BASKETQL_LOG_SQL: "1" })).toMatchObject({ logSql: true, logSqlValues: false });
  });

  it("allow localhost origins in development only, and only until origins are listed; HSTS only when switched on", () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], corsLocalhost: true, hsts: false });
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ corsOrigins: [], corsLocalhost: false });
    expect(loadConfig({ BASKETQL_CORS_ORIGINS: "https://a.example.org" })).toMatchObject({ corsOrigins: ["https://a.example.org"], corsLocalhost: false });
    expect(loadConfig({ NODE_ENV: "production", BASKETQL_HSTS: "yes" }).hsts).toBe(true);
  });
});
