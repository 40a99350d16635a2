import { expect } from "vitest";

/** Equal to a reference value printed with 15 significant digits, to 1e-10 relative (1e-12 absolute near 0). */
export function expectClose(actual: number | undefined, reference: number): void {
  expect(actual).toBeTypeOf("number");
  const tolerance = Math.max(1e-12, Math.abs(reference) * 1e-10);
  expect(Math.abs((actual as number) - reference), `${actual} vs reference ${reference}`).toBeLessThanOrEqual(tolerance);
}
