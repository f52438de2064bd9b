/**
 * The server's geocoder (services/geocoding.ts): the gazetteer answers first;
 * the external service is asked after it only at an address the server may
 * reach, and its refusal or failure leaves the gazetteer's answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import { createGeocoder, geocoderAddressProblem, geocoderUrlProblem } from '@o311/server';

let store: Store;
let server: Server;
let base: string;
let asked = 0;

beforeAll(async () => {
  store = await openStore('sqlite::memory:');
  await store.migrate();
  await store.saveJurisdiction({ id: 'j', name: 'J', contact: '', key_service: '', timezone: 'UTC' });
  await store.gazetteer.replace('j', {
    addresses: [{ street_key: 'main street', street: 'Main St', number: 10, number_text: '10', unit: null, postcode: null, lat: 1, long: 2 }],
    streets: [{ street_key: 'main street', name: 'Main St', lat: 1, long: 2 }],
  });
  server = createServer((_req, res) => {
    asked++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify([{ lat: '5', lon: '6', display_name: 'Elsewhere Rd, Far Town', category: 'highway', importance: 0.5 }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await store?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the server geocoder', () => {
  it('checks the configured URL', () => {
    expect(geocoderUrlProblem('https://nominatim.example/', false)).toBeUndefined();
    expect(geocoderUrlProblem('ftp://x.example/', false)).toMatch(/https:\/\/ or http:\/\//);
    expect(geocoderUrlProblem('https://u:p@x.example/', false)).toMatch(/user name or password/);
    expect(geocoderUrlProblem('not a url', false)).toMatch(/not a URL/);
    expect(geocoderUrlProblem('http://10.0.0.8/', false)).toMatch(/10\.0\.0\.8 is a loopback, private or link-local address/);
    expect(geocoderUrlProblem('http://10.0.0.8/', true)).toBeUndefined();
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    expect(await geocoderAddressProblem(new URL('http://127.0.0.1/'), false)).toMatch(/127\.0\.0\.1 is a loopback/);
    expect(await geocoderAddressProblem(new URL('http://[::1]/'), false)).toMatch(/::1 is a loopback/);
    expect(await geocoderAddressProblem(new URL('http://127.0.0.1/'), true)).toBeUndefined();
    expect(await geocoderAddressProblem(new URL('http://93.184.215.14/'), false)).toBeUndefined();
  });

  it('answers from the gazetteer alone without a URL, and keeps its address ahead of the external service', async () => {
    expect(await createGeocoder(store).search({ text: '10 Main St', jurisdiction_id: 'j' })).toEqual([
      { label: '10 Main St', lat: 1, long: 2, kind: 'address', score: 1, source: 'gazetteer' },
    ]);
    const both = createGeocoder(store, { url: base, allowPrivate: true });
    const before = asked;
    expect((await both.search({ text: '10 Main St', jurisdiction_id: 'j' })).map((c) => c.source)).toEqual(['gazetteer']);
    expect(asked).toBe(before);
    expect((await both.search({ text: 'Elsewhere Rd', jurisdiction_id: 'j' })).map((c) => c.label)).toEqual(['Elsewhere Rd, Far Town']);
    expect(asked).toBe(before + 1);
  });

  it('never asks a loopback service unless allowed, and keeps the gazetteer answer', async () => {
    const errors: unknown[] = [];
    const refused = createGeocoder(store, { url: base, allowPrivate: false, onError: (e) => errors.push(e) });
    const before = asked;
    expect((await refused.search({ text: 'Main', jurisdiction_id: 'j' })).map((c) => c.label)).toEqual(['Main St']);
    expect(asked).toBe(before);
    expect(errors).toEqual([expect.objectContaining({ kind: 'refused-address' })]);
  });
});
