/**
 * The server registers these plugins; the pages use what they add to Fastify's
 * types (`request.parts()`, `schema.hide`), so their declarations are loaded here.
 */
import type {} from '@fastify/multipart';
import type {} from '@fastify/swagger';
