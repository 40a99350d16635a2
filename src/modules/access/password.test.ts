import { describe, expect, it, vi } from "vitest";
import { NO_PASSWORD } from "./accounts";
import { hashPassword, verifyPassword } from "./password";

// (vi.mock is hoisted above the imports.) Counts scrypt runs: an account without a usable hash must cost one, like a wrong password.
const calls = vi.hoisted(() => ({ scrypt: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof crypto.scrypt>) => {
    calls.scrypt++;
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});


describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  }, 60_000);

  it("refuses every password where there is no usable hash, after the same scrypt work", async () => {
    for (const stored of [NO_PASSWORD, undefined, null, "", "md5$abc"]) {
      const before = calls.scrypt;
      expect(await verifyPassword("anything at all", stored)).toBe(false);
      expect(await verifyPassword("", stored)).toBe(false);
      expect(calls.scrypt - before, String(stored)).toBe(2);
    }
  }, 60_000);
});
