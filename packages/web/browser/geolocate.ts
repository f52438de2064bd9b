/** "Use my location": the browser's position, once, with a short timeout. */

export type Located = { ok: true; lat: number; long: number } | { ok: false; reason: 'denied' | 'unsupported' };

export function locate(): Promise<Located> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, lat: p.coords.latitude, long: p.coords.longitude }),
      () => resolve({ ok: false, reason: 'denied' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
