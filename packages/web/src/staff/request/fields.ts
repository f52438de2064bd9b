/** Names and element ids of the request page's form fields, shared by the forms and the actions. */
export const FIELDS = {
  status: { id: 'req-status', name: 'status' },
  service: { id: 'req-service', name: 'service' },
  note: { id: 'req-status-note', name: 'note' },
  comment: { id: 'req-comment', name: 'comment' },
  visibility: { id: 'req-visibility', name: 'visibility' },
  department: { id: 'req-department', name: 'department' },
  agent: { id: 'req-agent', name: 'agent' },
  priority: { id: 'req-priority', name: 'priority' },
  expected: { id: 'req-expected', name: 'expected' },
  duplicateOf: { id: 'req-duplicate-of', name: 'duplicate_of' },
  duplicateNote: { id: 'req-duplicate-note', name: 'duplicate_note' },
  template: { id: 'req-template', name: 'template' },
} as const;

export type FieldName = keyof typeof FIELDS;

/**
 * Where each action form posts, relative to the request page. The page shows
 * `update` (every field at once) and `duplicate`; status, comment and triage
 * stay for links and scripts that post to them.
 */
export const ACTION_PATHS = ['update', 'status', 'comment', 'triage', 'duplicate'] as const;
export type ActionPath = (typeof ACTION_PATHS)[number];

export const requestPath = (id: string): string => `/staff/requests/${encodeURIComponent(id)}`;
export const actionPath = (id: string, action: ActionPath): string => `${requestPath(id)}/${action}`;

/** Where the one form's "insert template" button posts: the page again, every field kept. */
export const templateInsertPath = (id: string): string => `${requestPath(id)}/template`;
