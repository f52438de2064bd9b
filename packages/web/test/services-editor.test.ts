/** The services editor: create and edit services with questions of every datatype, rows without JavaScript, validation, roles. */
import type { Attribute, Service, ServiceDefinition } from '@o311/georeport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo, summaryLinks } from './support/back-office.js';
import { serviceForm, translatedRow, type Row } from './support/service-form.js';

const SIX: Row[] = [
  { code: 'SURFACE', description: 'What is painted?', datatype: 'singlevaluelist', values: 'brick = Brick wall\nmetal = Metal shutter', required: '1', variable: '1' },
  { code: 'COLOURS', description: 'Colours', datatype: 'multivaluelist', values: 'red = Red\nblue', variable: '1' },
  { code: 'AREA', description: 'Area', datatype: 'number', datatype_description: 'square metres', variable: '1' },
  { code: 'SEEN', description: 'First seen', datatype: 'datetime', variable: '1' },
  { code: 'WORDS', description: 'Is it offensive? Describe it', datatype: 'text', variable: '1' },
  { code: 'NOTE', description: 'We remove offensive graffiti within a day.', datatype: 'string' },
];

const GRAFFITI = {
  code: 'graffiti.wall', name: 'Graffiti on a wall', description: 'Paint on public or private walls', group: 'Streets & Sidewalks',
  keywords: 'paint, tag', type: 'realtime', active: '1', sla_hours: '36', agency: 'Public Works', notice: 'Thank you.',
  'tr.es.name': 'Grafiti en un muro', 'tr.es.description': 'Pintura en muros', 'tr.fr.name': 'Graffiti sur un mur', 'tr.fr.description': '',
};

describe('services editor', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;
  const publicServices = async (query = ''): Promise<Service[]> => (await t.get(`/open311/v2/services.json${query}`)).json<Service[]>();

  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
    agent = await t.login('agent');
  });
  afterAll(() => t.close());

  it('creates a service with questions of all six datatypes; the GeoReport API shows it with its definition', async () => {
    const res = await t.postForm('/staff/services/new', serviceForm(GRAFFITI, SIX), admin);
    expect(redirectTo(res)).toBe('/staff/services?done=saved');
    const listed = (await publicServices()).find((s) => s.service_code === 'graffiti.wall');
    expect(listed).toMatchObject({ service_name: 'Graffiti on a wall', group: 'Streets & Sidewalks', metadata: true, type: 'realtime', keywords: 'paint, tag' });
    expect((await publicServices('?locale=es')).find((s) => s.service_code === 'graffiti.wall')?.service_name).toBe('Grafiti en un muro');

    const definition = (await t.get('/open311/v2/services/graffiti.wall.json')).json<ServiceDefinition>();
    const byCode = new Map<string, Attribute>(definition.attributes.map((a) => [a.code, a]));
    expect([...byCode.keys()]).toEqual(['SURFACE', 'COLOURS', 'AREA', 'SEEN', 'WORDS', 'NOTE']);
    expect(byCode.get('SURFACE')).toMatchObject({
      datatype: 'singlevaluelist', required: true, variable: true, order: 1,
      values: [{ key: 'brick', name: 'Brick wall' }, { key: 'metal', name: 'Metal shutter' }],
    });
    expect(byCode.get('COLOURS')?.values).toEqual([{ key: 'red', name: 'Red' }, { key: 'blue', name: 'blue' }]);
    expect(byCode.get('AREA')).toMatchObject({ datatype: 'number', datatype_description: 'square metres', required: false });
    expect(byCode.get('SEEN')?.datatype).toBe('datetime');
    expect(byCode.get('WORDS')?.datatype).toBe('text');
    expect(byCode.get('NOTE')).toMatchObject({ datatype: 'string', variable: false, required: false });

    const j = await demoJurisdiction(t.store);
    expect((await t.store.getService(j.id, 'graffiti.wall'))?.sla_hours).toBe(36);
    const audit = await t.store.listAudit({ actor: (await t.store.findUserByEmail('admin@riverton.example'))!.id, limit: 5 });
    expect(audit.filter((e) => e.action === 'service.save')).toEqual([
      expect.objectContaining({ details: { service_code: 'graffiti.wall', mode: 'create', channel: 'web' } }),
    ]);
    const list = await t.get('/staff/services?done=saved', admin);
    expect(list.body).toContain('The service was saved.');
    expect(list.body).toContain('<a href="/staff/services/graffiti.wall/edit">Graffiti on a wall</a>');
  });

  it('adds and removes question rows by posting the whole form, saving nothing', async () => {
    const draft = { ...GRAFFITI, code: 'draft.only' };
    const added = await t.postForm('/staff/services/new', serviceForm(draft, SIX.slice(0, 2), 'add-attribute'), admin);
    expect(added.statusCode).toBe(200);
    expect(added.body).toMatch(/<input type="text" id="attr-2-code" name="attr\.2\.code" value="" required[^>]*autofocus>/);
    expect(added.body).toContain('value="SURFACE"');
    expect(added.body).toContain('brick = Brick wall');
    expect(added.body).toMatch(/id="attr-2-order" name="attr\.2\.order" value="3"/);

    const removed = await t.postForm('/staff/services/new', serviceForm(draft, SIX.slice(0, 2), 'remove-attribute-0'), admin);
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toMatch(/id="attr-0-code" name="attr\.0\.code" value="COLOURS"/);
    expect(removed.body).not.toContain('id="attr-1-code"');
    expect(removed.body).toContain('value="draft.only"');
    const j = await demoJurisdiction(t.store);
    expect(await t.store.getService(j.id, 'draft.only')).toBeUndefined();
  });

  it('shows the server’s validation problems in an error summary linking to the fields', async () => {
    const rows: Row[] = [
      { code: 'A', datatype: 'singlevaluelist', values: '', order: '1', variable: '1' },
      { code: 'A', datatype: 'string', order: 'x', variable: '1' },
      { code: 'B', datatype: 'string', order: '3', required: '1' },
    ];
    const res = await t.postForm('/staff/services/new', serviceForm({ ...GRAFFITI, code: 'bad one', name: '' }, rows), admin);
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(expect.arrayContaining(['svc-code', 'svc-name', 'attr-0-values', 'attr-1-code', 'attr-1-order', 'attr-2-required']));
    expect(res.body).toContain('Question 1: a singlevaluelist needs at least one value.');
    expect(res.body).toMatch(/<input type="number" id="attr-1-order"[^>]*value="x"[^>]*aria-describedby="attr-1-order-error" aria-invalid="true"/);
    const j = await demoJurisdiction(t.store);
    expect(await t.store.getService(j.id, 'bad one')).toBeUndefined();
  });

  it('refuses a taken code and a translated description without a translated name', async () => {
    const taken = await t.postForm('/staff/services/new', serviceForm({ ...GRAFFITI, code: (await publicServices())[0]!.service_code }, []), admin);
    expect(taken.statusCode).toBe(400);
    expect(summaryLinks(taken.body)).toEqual(['svc-code']);
    expect(taken.body).toContain('A service with this code already exists.');
    const untitled = await t.postForm('/staff/services/new', serviceForm({ ...GRAFFITI, code: 'no.name', 'tr.fr.name': '', 'tr.fr.description': 'Peinture' }, []), admin);
    expect(untitled.statusCode).toBe(400);
    expect(summaryLinks(untitled.body)).toEqual(['tr-fr-name']);
  });

  it('edits a service: the code stays, other translations stay, and deactivating hides it from the public', async () => {
    const j = await demoJurisdiction(t.store);
    const demo = (await t.store.listServices(j.id)).find((s) => s.attributes.length > 0 && Object.keys(s.translations.es?.attributes ?? {}).length > 0)!;
    const edit = await t.get(`/staff/services/${encodeURIComponent(demo.service_code)}/edit`, admin);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toMatch(new RegExp(`<input type="text" id="svc-code" name="code" value="${demo.service_code}"[^>]* readonly>`));
    // The form as shown, with "active" unticked, the SLA cleared and another code smuggled in.
    const rows: Row[] = demo.attributes.map((a) => ({
      code: a.code, description: a.description, datatype: a.datatype, datatype_description: a.datatype_description ?? '', order: String(a.order),
      values: (a.values ?? []).map((v) => `${v.key} = ${v.name}`).join('\n'), ...(a.required ? { required: '1' } : {}), ...(a.variable ? { variable: '1' } : {}),
      ...translatedRow(demo.translations, a.code),
    }));
    const res = await t.postForm(`/staff/services/${encodeURIComponent(demo.service_code)}/edit`, serviceForm({
      code: 'smuggled', name: `${demo.service_name} (renamed)`, type: demo.type, group: demo.group ?? '', sla_hours: '',
      'tr.es.name': demo.translations.es!.service_name, 'tr.fr.name': demo.translations.fr?.service_name ?? '',
    }, rows), admin);
    expect(redirectTo(res)).toBe('/staff/services?done=saved');
    const saved = (await t.store.getService(j.id, demo.service_code))!;
    expect(saved).toMatchObject({ service_name: `${demo.service_name} (renamed)`, active: false, sla_hours: null });
    expect(saved.attributes).toEqual(demo.attributes);
    expect(saved.translations.es?.attributes).toEqual(demo.translations.es?.attributes);
    expect(await t.store.getService(j.id, 'smuggled')).toBeUndefined();
    expect((await publicServices()).some((s) => s.service_code === demo.service_code)).toBe(false);
    const list = await t.get('/staff/services', admin);
    expect(list.body.indexOf(`${demo.service_name} (renamed)`)).toBeGreaterThan(list.body.indexOf('Inactive services'));
  });

  it('lets any staff see the list but only administrators edit', async () => {
    const list = await t.get('/staff/services', agent);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('/edit"');
    expect(list.body).not.toContain('href="/staff/services/new"');
    expect((await t.get('/staff/services/new', agent)).statusCode).toBe(403);
    const res = await t.postForm('/staff/services/new', serviceForm({ ...GRAFFITI, code: 'agent.made' }, []), agent);
    expect(res.statusCode).toBe(403);
    const j = await demoJurisdiction(t.store);
    expect(await t.store.getService(j.id, 'agent.made')).toBeUndefined();
  });

  it('speaks Spanish', async () => {
    const res = await t.get('/staff/services/new?lang=es', admin);
    expect(res.body).toContain('<h1>Nuevo servicio</h1>');
    expect(res.body).toContain('Añadir una pregunta');
  });
});
