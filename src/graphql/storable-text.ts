import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Kind } from "graphql";
import type { DirectiveNode, DocumentNode, SelectionSetNode, ValueNode } from "graphql";
import type { FieldProblem } from "../plugin-api";
import { unstorableText } from "../errors";

/**
 * Text the databases cannot store as given: a lone UTF-16 surrogate (SQLite and PostgreSQL store UTF-8,
 * so it comes back as U+FFFD) or a NUL character (PostgreSQL refuses it; SQLite may cut the text there).
 * Accepted, such text would be stored as other bytes than the ones acknowledged and hashed into the
 * audit trail. This is the one place that refuses it, for every operation, before anything runs.
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

// With the u flag a surrogate pair reads as one code point, so \p{Cs} matches only a lone surrogate.
const UNSTORABLE = /[\p{Cs}\u0000]/u;

const MESSAGE = "contains text the database cannot store as given (a lone UTF-16 surrogate or a NUL character)";

/** Every string of a variables object, JSON values included (object keys too), at any depth. */
function checkVariable(value: unknown, path: string, problems: FieldProblem[]): void {
  if (typeof value === "string") {
    if (!isStorableText(value)) problems.push({ field: path, message: `${path} ${MESSAGE}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkVariable(item, `${path}.${index}`, problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) problems.push({ field: `${path}.${JSON.stringify(key)}`, message: `a key of ${path} ${MESSAGE}` });
      checkVariable(item, `${path}.${key}`, problems);
    }
  }
}

/** Every string literal of a value in the document (arguments, JSON literals, variable defaults). */
function checkLiteral(value: ValueNode, path: string, problems: FieldProblem[]): void {
  if (value.kind === Kind.STRING) {
    if (!isStorableText(value.value)) problems.push({ field: path, message: `${path} ${MESSAGE}` });
  } else if (value.kind === Kind.LIST) {
    value.values.forEach((item, index) => checkLiteral(item, `${path}.${index}`, problems));
  } else if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) checkLiteral(field.value, `${path}.${field.name.value}`, problems);
  }
}

function checkDirectives(directives: readonly DirectiveNode[] | undefined, path: string, problems: FieldProblem[]): void {
  for (const directive of directives ?? []) {
    for (const argument of directive.arguments ?? []) checkLiteral(argument.value, `${path}@${directive.name.value}.${argument.name.value}`, problems);
  }
}

function checkSelections(selectionSet: SelectionSetNode | undefined, prefix: string, problems: FieldProblem[]): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const path = `${prefix}${(selection.alias ?? selection.name).value}`;
      for (const argument of selection.arguments ?? []) checkLiteral(argument.value, `${path}.${argument.name.value}`, problems);
      checkDirectives(selection.directives, path, problems);
      checkSelections(selection.selectionSet, `${path}.`, problems);
    } else {
      checkDirectives(selection.directives, prefix, problems);
      if (selection.kind === Kind.INLINE_FRAGMENT) checkSelections(selection.selectionSet, prefix, problems);
    }
  }
}

/** Problems with the text of one request: the whole document's literals and every variable. */
export function unstorableTextIn(document: DocumentNode, variables: Record<string, unknown> | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.defaultValue) checkLiteral(variable.defaultValue, `$${variable.variable.name.value}`, problems);
      }
      checkDirectives(definition.directives, "", problems);
      checkSelections(definition.selectionSet, "", problems);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      checkSelections(definition.selectionSet, `${definition.name.value}.`, problems);
    }
  }
  for (const [name, value] of Object.entries(variables ?? {})) checkVariable(value, `$${name}`, problems);
  return problems;
}

/**
 * Refuses, with BAD_USER_INPUT naming each path, a request whose arguments or variables hold text the
 * database cannot store as given. Runs once the operation is known (after parsing and validation)
 * and before it executes, so nothing is read or written.
 */
export function storableTextOnly<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems = unstorableTextIn(document, request.variables);
          if (problems.length > 0) throw unstorableText(problems);
        },
      };
    },
  };
}
