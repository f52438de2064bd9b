/**
 * JSON Schema builders for the OpenAPI contracts of the web apps' public JSON
 * (validate/api-schemas.ts, status/api-schemas.ts). Every property an object
 * names is required unless listed as optional, so a contract says exactly
 * what an answer holds (the tests compare the two).
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: readonly (string | null)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: string | number | boolean;
  examples?: readonly unknown[];
}

type Extra = Omit<JsonSchema, 'type' | 'properties' | 'required' | 'items'>;

export const text = (description?: string, extra: Extra = {}): JsonSchema => ({ type: 'string', ...(description !== undefined && { description }), ...extra });
export const integer = (description?: string, extra: Extra = {}): JsonSchema => ({ type: 'integer', ...(description !== undefined && { description }), ...extra });
export const number = (description?: string): JsonSchema => ({ type: 'number', ...(description !== undefined && { description }) });
export const boolean = (description?: string): JsonSchema => ({ type: 'boolean', ...(description !== undefined && { description }) });
export const dateTime = (description = 'ISO 8601, UTC.'): JsonSchema => text(description, { format: 'date-time' });
export const oneOf = (values: readonly string[], description?: string): JsonSchema => ({ type: 'string', enum: values, ...(description !== undefined && { description }) });
export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description !== undefined && { description }) });

/** The schema or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return { ...schema, type: [...types, 'null'], ...(schema.enum && { enum: [...schema.enum, null] }) };
}

/** An object of these properties, all required but the optional ones. */
export function object(properties: Record<string, JsonSchema>, options: { optional?: readonly string[]; description?: string } = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.has(k)),
    ...(options.description !== undefined && { description: options.description }),
  };
}

/** One JSON response of an operation, with its headers. */
export const jsonResponse = (description: string, schema: JsonSchema, headers: Record<string, JsonSchema> = {}) => ({
  description,
  ...(Object.keys(headers).length > 0 && { headers }),
  content: { 'application/json': { schema } },
});
