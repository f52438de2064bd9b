/** The contact centre's pages (issue 15): start a call, the request form of a service, the number filed. */
export const CALLS_PATH = '/staff/calls';

/** The request form of a service, with the caller's contact as looked up (phone or e-mail) to start it. */
export function callFormPath(code: string, caller = ''): string {
  const path = `${CALLS_PATH}/report/${encodeURIComponent(code)}`;
  return caller === '' ? path : `${path}?${new URLSearchParams({ caller }).toString()}`;
}

export const filedPath = (id: string): string => `${CALLS_PATH}/filed/${encodeURIComponent(id)}`;
