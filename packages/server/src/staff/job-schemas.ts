/** Typebox contracts of the staff API's job routes. */
import { Type } from 'typebox';
import { JOB_STATES } from '@o311/jobs';
import { MAX_JOB_PAGE_SIZE } from '../services/jobs-admin.js';
import { DateTime } from './schemas.js';

const JobState = Type.Enum([...JOB_STATES]);
const states = JOB_STATES.join('|');

export const JobListQuery = Type.Object({
  state: Type.Optional(Type.String({
    description: 'States, comma-separated (default `queued,retry,dead`: what may need an admin).',
    pattern: `^(${states})(,(${states}))*$`,
  })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only jobs of this name, e.g. `mail.deliver`.' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_JOB_PAGE_SIZE, default: 50 })),
});

export const Job = Type.Object({
  id: Type.String(),
  name: Type.String(),
  state: JobState,
  data: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), {
    description: 'The ids the job works on (jobs carry no personal data).',
  }),
  attempts: Type.Integer({ description: 'Attempts started so far.' }),
  retry_limit: Type.Integer({ description: 'Attempts after the first one.' }),
  created_datetime: DateTime,
  run_datetime: { ...DateTime, description: 'When it runs next (queued, retry) or ran.' },
  completed_datetime: Type.Union([DateTime, Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()], { description: 'The last failure, e-mail addresses masked.' }),
});

export const JobPage = Type.Object({
  counts: Type.Object(Object.fromEntries(JOB_STATES.map((s) => [s, Type.Integer()])), { description: 'Jobs per state.' }),
  items: Type.Array(Job),
  page: Type.Integer(),
  page_size: Type.Integer(),
});
