/** JSON calls to the staff API. */
export interface StaffAnswer<T = unknown> {
  status: number;
  type: string | null;
  headers: Headers;
  body: T;
}

export async function staffCall<T = unknown>(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<StaffAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}
