/** One staff action on a request: reads its form, changes the request, says what to confirm or what is wrong. */
import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '@o311/server';
import type { StaffUser } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { webActorOf } from '../../staff-actor.js';
import type { Translator } from '../../../i18n/translate.js';
import type { FieldError } from '../../forms/fields.js';
import type { RequestPageData } from '../load.js';

export interface ActionContext {
  web: WebContext;
  request: FastifyRequest;
  t: Translator;
  user: StaffUser;
  data: RequestPageData;
}

export const DONE = ['saved', 'status', 'reply', 'note', 'triage', 'unchanged', 'duplicate'] as const;
export type Done = (typeof DONE)[number];

export type ActionOutcome = { done: Done } | { errors: FieldError[] };

export type RequestAction = (c: ActionContext) => Promise<ActionOutcome>;

export const jurisdictionOf = (c: ActionContext): string => c.data.directory.jurisdiction.id;

/** The signed-in user, as the actor the server's services audit. */
export const actorOf = (c: ActionContext): StaffActor => webActorOf(c.user);
