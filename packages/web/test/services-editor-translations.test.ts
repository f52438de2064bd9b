/**
 * The services editor translates each question, its help text and its values'
 * names (issue 14, item 10), not only the service's name: the fields, their
 * round trip through the store, the GeoReport definition with `locale`, the
 * citizen form in Spanish, and the problems only the form can have.
 */
import type { Attribute, ServiceDefinition } from '@o311/georeport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo, summaryLinks } from './support/back-office.js';
import { serviceForm, type Row } from './support/service-form.js';

const CODE = 'graffiti.translated';
const SERVICE = {
  code: CODE, name: 'Graffiti', description: 'Paint on walls', type: 'realtime', active: '1',
  'tr.es.name': 'Grafiti', 'tr.es.description': '', 'tr.fr.name': 'Graffiti (fr)', 'tr.fr.description': '',
};
const ROWS: Row[] = [
  {
    code: 'SURFACE', description: 'What is painted?', datatype: 'singlevaluelist', values: 'brick = Brick wall\nmetal = Metal shutter',
    required: '1', variable: '1',
    'tr.es.description': '¿Qué está pintado?', 'tr.es.values': 'brick = Muro de ladrillo\nmetal = Persiana metálica',
    'tr.fr.description': 'Qu’est-ce qui est peint ?', 'tr.fr.values': 'brick = Mur de briques',
  },
  {
    code: 'WORDS', description: 'Describe it', datatype: 'text', datatype_description: 'In your own words', variable: '1',
    'tr.es.description': 'Descríbalo', 'tr.es.datatype_description': 'Con sus propias palabras',
  },
];

describe('services editor: translated questions and values', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  const definition = async (locale: string): Promise<Map<string, Attribute>> => {
    const res = await t.get(`/open311/v2/services/${CODE}.json?locale=${locale}`);
    expect(res.statusCode).toBe(200);
    return new Map(res.json<ServiceDefinition>().attributes.map((a) => [a.code, a]));
  };

  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
    expect(redirectTo(await t.postForm('/staff/services/new', serviceForm(SERVICE, ROWS), admin))).toBe('/staff/services?done=saved');
  });
  afterAll(() => t.close());

  it('stores them as the service’s translations and serves them by locale in the GeoReport definition', async () => {
    const j = await demoJurisdiction(t.store);
    const saved = (await t.store.getService(j.id, CODE))!;
    expect(saved.translations.es?.attributes).toEqual({
      SURFACE: { description: '¿Qué está pintado?', values: { brick: 'Muro de ladrillo', metal: 'Persiana metálica' } },
      WORDS: { description: 'Descríbalo', datatype_description: 'Con sus propias palabras' },
    });
    const es = await definition('es');
    expect(es.get('SURFACE')).toMatchObject({
      description: '¿Qué está pintado?', values: [{ key: 'brick', name: 'Muro de ladrillo' }, { key: 'metal', name: 'Persiana metálica' }],
    });
    expect(es.get('WORDS')).toMatchObject({ description: 'Descríbalo', datatype_description: 'Con sus propias palabras' });
    // French: an untranslated value keeps its own name.
    expect((await definition('fr')).get('SURFACE')?.values).toEqual([{ key: 'brick', name: 'Mur de briques' }, { key: 'metal', name: 'Metal shutter' }]);
    expect((await definition('en')).get('SURFACE')?.description).toBe('What is painted?');
  });

  it('shows them again in the editor, so saving the form unchanged keeps them', async () => {
    const edit = await t.get(`/staff/services/${CODE}/edit`, admin);
    expect(edit.body).toContain('<input type="text" id="attr-0-es-description" name="attr.0.tr.es.description" value="¿Qué está pintado?"');
    expect(edit.body).toMatch(/<textarea id="attr-0-es-values" name="attr\.0\.tr\.es\.values"[^>]*>brick = Muro de ladrillo\nmetal = Persiana metálica<\/textarea>/);
    expect(edit.body).toContain('<label for="attr-0-fr-values">Value names in Français</label>');
    expect(edit.body).toContain('<input type="text" id="attr-1-es-datatype-description" name="attr.1.tr.es.datatype_description" value="Con sus propias palabras"');
    const j = await demoJurisdiction(t.store);
    const before = (await t.store.getService(j.id, CODE))!.translations;
    expect(redirectTo(await t.postForm(`/staff/services/${CODE}/edit`, serviceForm(SERVICE, ROWS), admin))).toBe('/staff/services?done=saved');
    expect((await t.store.getService(j.id, CODE))!.translations).toEqual(before);
  });

  it('the citizen form in Spanish asks the translated question with the translated choices', async () => {
    const res = await t.app.inject({ url: `/report/${CODE}`, headers: { 'accept-language': 'es' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('¿Qué está pintado?');
    expect(res.body).toContain('Muro de ladrillo');
    expect(res.body).toContain('Persiana metálica');
    expect(res.body).toContain('Descríbalo');
    expect(res.body).toContain('Con sus propias palabras');
    expect(res.body).not.toContain('Brick wall');
  });

  it('refuses a translated value for a key the question lacks, and question translations without a translated name', async () => {
    const typo = await t.postForm('/staff/services/new', serviceForm({ ...SERVICE, code: 'typo' }, [{ ...ROWS[0], 'tr.es.values': 'bricks = Ladrillos' }]), admin);
    expect(typo.statusCode).toBe(400);
    expect(summaryLinks(typo.body)).toEqual(['attr-0-es-values']);
    expect(typo.body).toContain('“bricks” is not one of this question’s value keys.');
    expect(typo.body).toContain('>bricks = Ladrillos</textarea>');
    const unnamed = await t.postForm('/staff/services/new', serviceForm({ ...SERVICE, code: 'unnamed', 'tr.es.name': '' }, ROWS), admin);
    expect(unnamed.statusCode).toBe(400);
    expect(summaryLinks(unnamed.body)).toEqual(['tr-es-name']);
    const j = await demoJurisdiction(t.store);
    expect(await t.store.getService(j.id, 'typo')).toBeUndefined();
    expect(await t.store.getService(j.id, 'unnamed')).toBeUndefined();
  });

  it('labels the translated fields in Spanish on a Spanish back office', async () => {
    const edit = await t.get(`/staff/services/${CODE}/edit?lang=es`, admin);
    expect(edit.body).toContain('<label for="attr-0-es-description">Pregunta en Español</label>');
  });
});
