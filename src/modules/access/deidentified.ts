import { forbidden } from "../../errors";

/**
 * Fields that analysts, who see de-identified data, neither receive nor filter, sort or group by:
 * free text, and what narrows a person down more than the analysis needs. Matched by field name, on
 * whichever type carries them (records, their statistics and group keys).
 */
export const IDENTIFYING_FIELDS = new Set(["yearOfBirth", "statusReason", "term", "indication", "lot", "notGivenReason", "removalReason", "voidReason"]);

/** `YEAR_OF_BIRTH` (an order or group enum value) → `yearOfBirth`. */
const fieldOf = (enumValue: string) => enumValue.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function refuse(path: string, name: string): never {
  throw forbidden(`${path}: analysts see de-identified data and cannot filter, sort or group by ${name}`);
}

/**
 * Refuses a list request of a de-identified caller that would reveal an identifying field through a
 * filter (at any depth, relation filters included), the sort order or the grouping.
 */
export function refuseIdentifyingUse(request: { where?: unknown; orderBy?: Array<{ field: string }> | null }, by: string[] = []): void {
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (IDENTIFYING_FIELDS.has(key)) refuse(`${path}.${key}`, key);
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(request.where, "where");
  for (const { field } of request.orderBy ?? []) if (IDENTIFYING_FIELDS.has(fieldOf(field))) refuse("orderBy", fieldOf(field));
  for (const dimension of by) if (IDENTIFYING_FIELDS.has(fieldOf(dimension))) refuse("by", fieldOf(dimension));
}
