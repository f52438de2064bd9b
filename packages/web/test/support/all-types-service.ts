/** A test service that asks one question of every GeoReport datatype, plus a notice. */
import type { Attribute } from '@o311/georeport';
import { newService, type NewService } from '@o311/store';

const attr = (a: Omit<Attribute, 'variable' | 'datatype_description'> & Partial<Pick<Attribute, 'variable' | 'datatype_description'>>): Attribute => ({
  variable: true,
  datatype_description: null,
  ...a,
});

export const ALL_TYPES_CODE = 'ALL_TYPES';

export const allTypesService = (jurisdiction_id: string): NewService =>
  newService({
    jurisdiction_id,
    service_code: ALL_TYPES_CODE,
    service_name: 'Every question',
    group: 'Testing',
    attributes: [
      attr({ code: 'NOTE', datatype: 'text', required: false, variable: false, order: 1, description: 'Read this first.' }),
      attr({ code: 'NAME', datatype: 'string', required: true, order: 2, description: 'Name of the thing', datatype_description: 'One line' }),
      attr({ code: 'COUNT', datatype: 'number', required: true, order: 3, description: 'How many?' }),
      attr({ code: 'WHEN', datatype: 'datetime', required: false, order: 4, description: 'Since when?' }),
      attr({ code: 'STORY', datatype: 'text', required: false, order: 5, description: 'Tell the story' }),
      attr({
        code: 'COLOUR', datatype: 'singlevaluelist', required: true, order: 6, description: 'Which colour?',
        values: [{ key: 'red', name: 'Red' }, { key: 'blue', name: 'Blue' }],
      }),
      attr({
        code: 'PLACES', datatype: 'multivaluelist', required: true, order: 7, description: 'Where exactly?',
        values: [{ key: 'road', name: 'Road' }, { key: 'kerb', name: 'Kerb' }, { key: 'path', name: 'Path' }],
      }),
      attr({
        code: 'STREET', datatype: 'singlevaluelist', required: false, order: 8, description: 'Which street?',
        values: ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'].map((k) => ({ key: k, name: `${k} Street` })),
      }),
    ],
  });
