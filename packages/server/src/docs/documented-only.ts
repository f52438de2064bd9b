/**
 * Route options for a JSON API whose handler checks its own input and writes
 * its own answers (the web apps' public APIs): the schema documents them in
 * /docs, Fastify neither validates the input against it nor reshapes the output
 * by it (its serializer would drop every property the schema does not name).
 */
import type { FastifySchema, FastifySerializerCompiler } from 'fastify';
import { documentationOnly } from '../georeport/schemas.js';

/** Fastify's own default for a route without a response schema. */
const asGiven: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

export interface DocumentedOnly {
  schema: FastifySchema;
  validatorCompiler: typeof documentationOnly;
  serializerCompiler: typeof asGiven;
}

export const documentedOnly = (schema: FastifySchema): DocumentedOnly => ({ schema, validatorCompiler: documentationOnly, serializerCompiler: asGiven });
