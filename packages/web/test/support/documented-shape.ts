/**
 * Compares a JSON answer with the schema /docs documents for it: the
 * properties it has that the schema does not name, and every other
 * disagreement (a required property missing, a value of another type or
 * outside its enum).
 */
import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from '../../src/api-schema.js';

export interface ShapeCheck {
  undocumented: string[];
  problems: string[];
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

/** The documented JSON schema of one response of one operation in /docs/json. */
export async function documentedSchema(app: FastifyInstance, path: string, method: string, status: number): Promise<JsonSchema> {
  const doc = (await app.inject({ url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`/docs documents no JSON ${status} for ${method} ${path}`);
  return schema;
}

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const fits = (actual: string, types: readonly string[]): boolean => types.includes(actual) || (actual === 'integer' && types.includes('number'));

export function shapeOf(value: unknown, schema: JsonSchema, at = '$', into: ShapeCheck = { undocumented: [], problems: [] }): ShapeCheck {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = typeOf(value);
  if (types.length > 0 && !fits(actual, types)) {
    into.problems.push(`${at} is ${actual}, documented as ${types.join(' or ')}`);
    return into;
  }
  if (schema.enum && !schema.enum.includes(value as string | null)) into.problems.push(`${at} is ${String(value)}, not one of ${schema.enum.join(', ')}`);
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => shapeOf(v, schema.items!, `${at}[${i}]`, into));
  if (actual === 'object' && schema.properties) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) into.problems.push(`${at}.${key} is missing`);
    for (const [key, v] of Object.entries(record)) {
      const property = schema.properties[key];
      if (property === undefined) into.undocumented.push(`${at}.${key}`);
      else shapeOf(v, property, `${at}.${key}`, into);
    }
  }
  return into;
}
