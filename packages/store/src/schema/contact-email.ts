/**
 * A reporter's e-mail address as written in the `email` columns of requests
 * and federated requests: kept as the reporter typed it (trimmed), so it is
 * compared lower-cased, like the addresses of accounts (lower-cased when
 * stored). The same SQL text is the key of the `requests_by_email` and
 * `federated_by_email` indexes and the expression of the queries, so that
 * both planners match the query to the index expression.
 */
import { sql, type RawBuilder } from 'kysely';

export const CONTACT_EMAIL_SQL = 'lower("email")';

export const contactEmail = (): RawBuilder<string> => sql<string>`${sql.raw(CONTACT_EMAIL_SQL)}`;
