import { GraphQLJSONObject, GraphQLLocalDate } from "graphql-scalars";

/** Calendar date without time zone, `YYYY-MM-DD`. */
export const LocalDate = GraphQLLocalDate;
/** Free-form object; used for instrument inputs, which are validated against the instrument's declaration. */
export const JSONObject = GraphQLJSONObject;
