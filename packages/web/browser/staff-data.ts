/** Reads a `<script type="application/json">` data block rendered by the server (no inline scripts: CSP). */
export function readDataBlock<T>(id: string | undefined | null): T | undefined {
  if (!id) return undefined;
  const text = document.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
