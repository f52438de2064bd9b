import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@o311/georeport';
import { readServiceDefinition } from '../src/read/index.js';

const DEFINITION: ServiceDefinition = {
  service_code: '033',
  attributes: [
    { variable: true, code: 'WHISHETN', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1,
      description: 'What is the ticket/tag/DL number?', values: [{ key: '123', name: 'Ford' }, { key: '124', name: 'Chrysler' }] },
    { variable: false, code: 'NOTE', datatype: 'text', required: false, datatype_description: 'Free text', order: 2, description: 'Note' },
  ],
};

const ATTRIBUTES_XML = '<attribute><variable>true</variable><code>WHISHETN</code><datatype>singlevaluelist</datatype><required>true</required><datatype_description/><order>1</order><description>What is the ticket/tag/DL number?</description><values><value><key>123</key><name>Ford</name></value><value><key>124</key><name>Chrysler</name></value></values></attribute>'
  + '<attribute><variable>false</variable><code>NOTE</code><datatype>text</datatype><required>false</required><datatype_description>Free text</datatype_description><order>2</order><description>Note</description></attribute>';

describe('readServiceDefinition', () => {
  it('reads the current XML form', () => {
    const body = `<service_definition><service_code>033</service_code><attributes>${ATTRIBUTES_XML}</attributes></service_definition>`;
    expect(readServiceDefinition(body, 'xml')).toEqual({ value: DEFINITION, warnings: [] });
  });

  it('reads the older form with <attribute> straight under <service_definition>', () => {
    const { value, warnings } = readServiceDefinition(`<service_definition><service_code>033</service_code>${ATTRIBUTES_XML}</service_definition>`, 'xml');
    expect(value).toEqual(DEFINITION);
    expect(warnings).toEqual([{
      code: 'old-definition-form', path: 'service_definition.attributes',
      message: '<attribute> elements sat directly under <service_definition>, without <attributes> (the older form); read as the attribute list',
    }]);
  });

  it('reads one attribute and one value without a list around them (XML)', () => {
    const body = '<service_definition><service_code>1</service_code><attributes><attribute><variable>true</variable><code>C</code><datatype>multivaluelist</datatype><required>false</required><datatype_description/><order>1</order><description>D</description><values><value><key>k</key><name>n</name></value></values></attribute></attributes></service_definition>';
    expect(readServiceDefinition(body, 'xml').value.attributes[0]?.values).toEqual([{ key: 'k', name: 'n' }]);
  });

  it('coerces JSON values real servers send, one warning each', () => {
    const body = JSON.stringify({
      service_code: 33,
      attributes: [{ variable: 'true', code: 'C', datatype: 'SingleValueList', required: 'false', datatype_description: '', order: '3',
        description: 'D', values: [{ key: 1, name: 'One' }, { key: 2, name: 'Two' }] }],
    });
    const { value, warnings } = readServiceDefinition(body, 'json');
    expect(value).toEqual({
      service_code: '33',
      attributes: [{ variable: true, code: 'C', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 3,
        description: 'D', values: [{ key: '1', name: 'One' }, { key: '2', name: 'Two' }] }],
    });
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'string-as-number service_definition.service_code',
      'boolean-as-string service_definition.attributes[0].variable',
      'case-normalised service_definition.attributes[0].datatype',
      'boolean-as-string service_definition.attributes[0].required',
      'empty-value service_definition.attributes[0].datatype_description',
      'number-as-string service_definition.attributes[0].order',
      'string-as-number service_definition.attributes[0].values[0].key',
    ]);
    expect(warnings.at(-1)?.message).toBe('key was a number in 2 values (e.g. 1); read as a string');
  });

  it('reads Boston datatypes as string, a missing order as the position, list types without values as []', () => {
    const body = JSON.stringify({
      service_code: 'x',
      attributes: [
        { variable: true, code: 'A', datatype: 'informational', required: false, datatype_description: null, description: 'a', dependencies: {} },
        { variable: true, code: 'B', datatype: 'multivaluelist', required: false, datatype_description: null, order: 5, description: 'b' },
      ],
    });
    const { value, warnings } = readServiceDefinition(body, 'json');
    expect(value.attributes.map((a) => [a.datatype, a.order, a.values])).toEqual([['string', 1, undefined], ['multivaluelist', 5, []]]);
    expect(warnings.map((w) => w.message)).toEqual([
      'datatype was not one of the standard values in one attribute ("informational"); read as "string" (expected string, number, datetime, text, singlevaluelist, multivaluelist)',
      'order was missing in one attribute; read as its position in the list',
      'dependencies is not a GeoReport v2 field in one attribute; ignored',
      'values was missing in one attribute; read as an empty list',
    ]);
  });

  it('reads Parker-style nested lists and reports them', () => {
    const body = JSON.stringify({ service_code: 'x', attributes: { attribute: [{ ...DEFINITION.attributes[1] }] } });
    const { value, warnings } = readServiceDefinition(body, 'json');
    expect(value.attributes).toEqual([DEFINITION.attributes[1]]);
    expect(warnings.map((w) => w.code)).toEqual(['wrapped-json']);
  });

  it('reads a missing attribute list as empty', () => {
    expect(readServiceDefinition('{"service_code":"x"}', 'json')).toEqual({
      value: { service_code: 'x', attributes: [] },
      warnings: [{ code: 'missing-field', path: 'service_definition.attributes', message: 'attributes was missing; read as an empty list' }],
    });
  });
});
