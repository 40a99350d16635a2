import type { InstrumentDefinition } from "../plugin-api";
import { CGI_I, CGI_S } from "./cgi";
import { EQ5D_5L } from "./eq5d";

/** Instruments every cohort records whatever its disease. */
export const generalInstruments: InstrumentDefinition[] = [CGI_S, CGI_I, EQ5D_5L];
