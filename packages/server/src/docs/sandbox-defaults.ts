/**
 * The interactive docs' try-it uses the sandbox: with a sandbox, every
 * GeoReport operation's `jurisdiction_id` defaults to it, and `api_key` to the
 * public sandbox key, so that "Try it out" never files a request with the city.
 * (The sandbox key posts to nothing else; updates need a trusted key, which the
 * docs never fill in.)
 */
import type { FastifySchema } from 'fastify';
import type { SandboxConfig } from '../sandbox/sandbox.js';

type Json = Record<string | symbol, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `node` whose object schemas give `jurisdiction_id` (and `api_key` when asked) a default. */
function withDefaults(node: unknown, sandbox: SandboxConfig, withKey: boolean): unknown {
  if (!isObject(node)) return node;
  const out: Json = { ...node };
  for (const [k, v] of Object.entries(node)) out[k] = withDefaults(v, sandbox, withKey);
  const properties = out.properties;
  if (isObject(properties)) {
    const p: Json = { ...properties };
    if (isObject(p.jurisdiction_id)) p.jurisdiction_id = { ...p.jurisdiction_id, default: sandbox.jurisdictionId };
    if (withKey && isObject(p.api_key)) p.api_key = { ...p.api_key, default: sandbox.apiKey };
    out.properties = p;
  }
  return out;
}

export function withSandboxDefaults(schema: FastifySchema, sandbox: SandboxConfig): FastifySchema {
  const withKey = (schema as { operationId?: string }).operationId === 'postServiceRequest';
  return {
    ...schema,
    ...(schema.querystring ? { querystring: withDefaults(schema.querystring, sandbox, withKey) } : {}),
    ...(schema.body ? { body: withDefaults(schema.body, sandbox, withKey) } : {}),
  } as FastifySchema;
}
