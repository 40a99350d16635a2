import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { describeAllowed } from "../../plugin-api";
import type { ActivityBand, Bound, DiseasePlugin, InputDefinition, InputOption, ResponseCriterion } from "../../plugin-api";
import type { RegisteredInstrument } from "../../plugins/registry";

/*
 * Read-only views of the plugin declarations. Fields are getters over the declaration objects so the
 * plugin stays the single source of truth.
 */

export enum InputKind {
  INTEGER = "integer",
  NUMBER = "number",
  BOOLEAN = "boolean",
  CODE = "code",
}
registerEnumType(InputKind, { name: "InputKind", description: "Type of an instrument input." });

export enum ScoreDirection {
  HIGHER_IS_WORSE = "HIGHER_IS_WORSE",
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
}
registerEnumType(ScoreDirection, { name: "ScoreDirection" });

export enum CriterionBasis {
  SCORE = "SCORE",
  INPUTS = "INPUTS",
}
registerEnumType(CriterionBasis, {
  name: "CriterionBasis",
  description: "SCORE: decided by the baseline and follow-up score values alone; INPUTS: needs the raw inputs.",
});

@ObjectType("InputOption")
export class InputOptionType {
  constructor(private readonly option: InputOption) {}

  @Field(() => GraphQLJSON, { description: "The value to send: a string for CODE inputs, a number for INTEGER inputs." })
  get value(): string | number {
    return this.option.value;
  }

  @Field()
  get label(): string {
    return this.option.label;
  }
}

@ObjectType("InputLabSource", { description: "Where a lab-fed input comes from when it is omitted in recordAssessment." })
export class InputLabSourceType {
  constructor(private readonly source: NonNullable<InputDefinition["lab"]>) {}

  @Field({ description: "Lab catalogue test code, e.g. ALT (see labTests)." })
  get test(): string {
    return this.source.test;
  }

  @Field({ name: "as", description: "value: the result; uln: its upper limit of normal; timesUln: the result ÷ ULN." })
  get quantity(): string {
    return this.source.as;
  }
}

@ObjectType("InstrumentInput", { description: "One input of an instrument's entry form, with its type, unit and allowed values." })
export class InstrumentInputType {
  constructor(private readonly input: InputDefinition) {}

  @Field()
  get name(): string {
    return this.input.name;
  }

  @Field()
  get label(): string {
    return this.input.label;
  }

  @Field(() => InputKind)
  get type(): InputKind {
    return this.input.type as InputKind;
  }

  @Field(() => String, { nullable: true })
  get unit(): string | undefined {
    return this.input.unit;
  }

  @Field(() => Float, { nullable: true })
  get min(): number | undefined {
    return this.input.min;
  }

  @Field({ description: "True when `min` itself is not allowed (e.g. ESR > 0)." })
  get minExclusive(): boolean {
    return !!this.input.minExclusive;
  }

  @Field(() => Float, { nullable: true })
  get max(): number | undefined {
    return this.input.max;
  }

  @Field()
  get maxExclusive(): boolean {
    return !!this.input.maxExclusive;
  }

  @Field(() => [InputOptionType], { nullable: true, description: "The only values allowed, when the input is a choice." })
  get options(): InputOptionType[] | undefined {
    return this.input.options?.map((o) => new InputOptionType(o));
  }

  @Field()
  get required(): boolean {
    return !this.input.optional;
  }

  @Field({ description: "What the input accepts, in words (the text used in error messages)." })
  get allowed(): string {
    return describeAllowed(this.input);
  }

  @Field(() => String, { nullable: true })
  get description(): string | undefined {
    return this.input.description;
  }

  @Field(() => InputLabSourceType, { nullable: true, description: "Set when the input can be omitted in recordAssessment and taken from the visit's stored lab result." })
  get lab(): InputLabSourceType | undefined {
    return this.input.lab && new InputLabSourceType(this.input.lab);
  }
}

@ObjectType("Bound")
export class BoundType {
  constructor(private readonly bound: Bound) {}

  @Field(() => Float)
  get value(): number {
    return this.bound.value;
  }

  @Field()
  get inclusive(): boolean {
    return this.bound.inclusive;
  }
}

@ObjectType("ActivityBand", { description: "A score range and the activity category it means; a missing bound is open-ended." })
export class ActivityBandType {
  constructor(private readonly band: ActivityBand) {}

  @Field({ description: "Stable lower_snake_case category code." })
  get code(): string {
    return this.band.code;
  }

  @Field()
  get label(): string {
    return this.band.label;
  }

  @Field(() => BoundType, { nullable: true })
  get lower(): BoundType | undefined {
    return this.band.lower && new BoundType(this.band.lower);
  }

  @Field(() => BoundType, { nullable: true })
  get upper(): BoundType | undefined {
    return this.band.upper && new BoundType(this.band.upper);
  }
}

@ObjectType("Category", { description: "A category: an activity band, a rule-based state or a response category." })
export class CategoryType {
  @Field()
  code: string;

  @Field()
  label: string;

  static of(category: { code: string; label: string } | undefined): CategoryType | undefined {
    return category && Object.assign(new CategoryType(), { code: category.code, label: category.label });
  }
}

@ObjectType("ScoreRange")
export class ScoreRange {
  @Field(() => Float)
  min: number;

  @Field(() => Float)
  max: number;
}

@ObjectType("Instrument", { description: "A clinical instrument: its entry form, formula metadata and activity bands." })
export class InstrumentType {
  constructor(readonly registered: RegisteredInstrument) {}

  private get definition() {
    return this.registered.definition;
  }

  @Field(() => ID, { description: "The instrument code." })
  get id(): string {
    return this.definition.code;
  }

  @Field()
  get code(): string {
    return this.definition.code;
  }

  @Field()
  get name(): string {
    return this.definition.name;
  }

  @Field({ description: "What the instrument measures, its formula and any protocol choice it makes." })
  get description(): string {
    return this.definition.description;
  }

  @Field({ description: "Calculator version stored with every assessment it scores." })
  get version(): string {
    return this.definition.version;
  }

  @Field(() => String, { nullable: true, description: "Disease plugin id; null for the instruments every cohort uses (CGI, EQ-5D)." })
  get diseaseId(): string | undefined {
    return this.registered.plugin?.id;
  }

  @Field(() => [InstrumentInputType])
  get inputs(): InstrumentInputType[] {
    return this.definition.inputs.map((i) => new InstrumentInputType(i));
  }

  @Field(() => ScoreDirection)
  get direction(): ScoreDirection {
    return this.definition.direction as ScoreDirection;
  }

  @Field(() => ScoreRange)
  get range(): ScoreRange {
    return Object.assign(new ScoreRange(), this.definition.range);
  }

  @Field(() => Int, { description: "Decimals the score is reported with." })
  get decimals(): number {
    return this.definition.decimals;
  }

  @Field(() => [ActivityBandType], { description: "Activity bands from the lowest score to the highest; empty when the instrument has none." })
  get bands(): ActivityBandType[] {
    return this.definition.bands.map((b) => new ActivityBandType(b));
  }

  @Field(() => [CategoryType], { description: "Every category code an assessment with this instrument can carry." })
  get categories(): CategoryType[] {
    const categories = this.definition.bands.length > 0 ? this.definition.bands : (this.definition.categories ?? []);
    return categories.map((c) => CategoryType.of(c)!);
  }

  @Field(() => [String])
  get references(): string[] {
    return this.definition.references;
  }
}

@ObjectType("ResponseCriterion", { description: "A response or efficacy criterion comparing a follow-up visit with baseline." })
export class ResponseCriterionType {
  constructor(
    readonly criterion: ResponseCriterion,
    readonly plugin: DiseasePlugin,
  ) {}

  @Field(() => ID, { description: "The criterion code." })
  get id(): string {
    return this.criterion.code;
  }

  @Field()
  get code(): string {
    return this.criterion.code;
  }

  @Field()
  get name(): string {
    return this.criterion.name;
  }

  @Field({ description: "The rule, and any protocol choice it makes." })
  get description(): string {
    return this.criterion.description;
  }

  @Field()
  get diseaseId(): string {
    return this.plugin.id;
  }

  @Field(() => [String], { description: "Instrument codes it can be evaluated on (the same one at both time points)." })
  get instruments(): string[] {
    return this.criterion.instruments;
  }

  @Field(() => CriterionBasis)
  get basis(): CriterionBasis {
    return this.criterion.basis as CriterionBasis;
  }

  @Field(() => [String], { description: "Other instruments it needs from the same two visits." })
  get companions(): string[] {
    return this.criterion.companions ?? [];
  }

  @Field({ description: "True when the criterion reads the study days of the two visits (e.g. \"by 6 months\"): from stored assessments they come from the visits' dates; in evaluateResponse, as the parameters baselineStudyDay / followUpStudyDay." })
  get timeBased(): boolean {
    return !!this.criterion.timeBased;
  }

  @Field(() => [InstrumentInputType], { description: "Values given at evaluation time that no instrument holds." })
  get parameters(): InstrumentInputType[] {
    return (this.criterion.parameters ?? []).map((p) => new InstrumentInputType(p));
  }

  @Field(() => [CategoryType])
  get categories(): CategoryType[] {
    return this.criterion.categories.map((c) => CategoryType.of(c)!);
  }

  @Field(() => [String])
  get references(): string[] {
    return this.criterion.references;
  }
}

@ObjectType("Disease", { description: "A disease plugin: its instruments and response criteria." })
export class DiseaseType {
  constructor(readonly plugin: DiseasePlugin) {}

  @Field(() => ID, { description: "Plugin id, e.g. rheumatoid-arthritis." })
  get id(): string {
    return this.plugin.id;
  }

  @Field()
  get name(): string {
    return this.plugin.name;
  }

  @Field()
  get shortName(): string {
    return this.plugin.shortName;
  }

  @Field()
  get description(): string {
    return this.plugin.description;
  }

  @Field({ description: "Code of the instrument that defines activity in cross-disease views." })
  get primaryInstrument(): string {
    return this.plugin.primaryInstrument;
  }
}
