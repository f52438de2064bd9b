/** The contact centre's pages (issue 15): start a call, the request form of a service, the number filed. */
export const CALLS_PATH = '/staff/calls';

export const callFormPath = (code: string): string => `${CALLS_PATH}/report/${encodeURIComponent(code)}`;

export const filedPath = (id: string): string => `${CALLS_PATH}/filed/${encodeURIComponent(id)}`;
