/** Words of the inbox's status filter: open requests by default, all statuses on request. */
export const inboxViewEn = {
  'inbox.filter.allStatuses': 'All statuses',
  'inbox.filter.statusHint': 'With no status checked, the inbox shows the open requests.',
} as const;

export type InboxViewKey = keyof typeof inboxViewEn;
