import type { FastifyRequest } from 'fastify';

/** A path parameter of the route (`/staff/users/:id` → `id`); '' when absent. */
export const pathParam = (request: FastifyRequest, name: string): string => {
  const v = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

/** A query string parameter; undefined when absent or repeated. */
export const queryParam = (request: FastifyRequest, name: string): string | undefined => {
  const v = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
};
