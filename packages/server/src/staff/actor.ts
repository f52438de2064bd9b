/** The staff token of an API call, as the actor the services audit. */
import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../services/staff-actor.js';
import { staffOf } from './auth.js';

export function apiActorOf(request: FastifyRequest): StaffActor {
  const token = staffOf(request);
  return { kind: 'token', id: token.id, name: token.name, channel: 'api', scope: token.jurisdictions };
}
