/** GET Service Definition (spec: GET Service Definition; digest §5, §11.1). Runs on the sampled metadata=true services. */
import { DATATYPES, type Format } from '@o311/georeport';
import { skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { loadProblem } from '../context/load.js';
import { member, show, textOf, type RawObject } from '../raw/value.js';
import { definitionSources } from './support/areas.js';
import { attributesOf, valuesOf } from './support/attributes.js';
import { booleanText, duplicates, isDecimal, jsonType, oneOf, present, required } from './support/fields.js';
import { Findings } from './support/findings.js';
import { describe, docRule, type Examined } from './support/sources.js';

const REF = 'GeoReport v2 §GET Service Definition; digest §5';
const LIST_TYPES = ['singlevaluelist', 'multivaluelist'];

const definitionOf = (doc: Examined<unknown>): RawObject => doc.load.items[0] ?? {};

/** A rule over each attribute of each sampled definition. */
function attributeRule(rule: (a: RawObject, format: Format) => (string | null)[], only?: Format): Check['run'] {
  return docRule({
    sources: definitionSources,
    what: 'service definition',
    ...(only ? { only } : {}),
    rule: (_items, doc) =>
      attributesOf(definitionOf(doc)).flatMap((a, i) =>
        rule(a, doc.format).flatMap((p) => (p === null ? [] : [`attribute ${describe(a, 'code', i)}: ${p}`])),
      ),
    passMessage: (docs) => `every attribute of ${docs.length} definition document(s) conforms`,
  });
}

/** A rule over each definition's attribute list as a whole. */
function attributesRule(rule: (attributes: RawObject[]) => string[], passMessage: string): Check['run'] {
  return docRule({
    sources: definitionSources,
    what: 'service definition',
    rule: (_items, doc) => rule(attributesOf(definitionOf(doc))),
    passMessage: () => passMessage,
  });
}

/** Each sampled code in each format, with what its definition load says. */
async function perCode(
  ctx: CheckContext, judge: (code: string, format: Format, findings: Findings) => Promise<void>,
): Promise<Findings | null> {
  const [codes, formats] = await Promise.all([ctx.definitionCodes(), ctx.formats()]);
  if (codes.length === 0) return null;
  const findings = new Findings();
  for (const code of codes) for (const format of formats) await judge(code, format, findings);
  return findings;
}

const NO_METADATA = 'no service in the list has metadata=true (or the list could not be read)';

export const definitionChecks: readonly Check[] = [
  /** Every sampled service with metadata=true has a definition answering 200 (digest §11.1 item 6). */
  {
    id: 'definition-available',
    title: 'Services with metadata=true have a service definition',
    specRef: `${REF}; GeoReport v2 §GET Service List (metadata=true: the client must call Service Definition); digest §4`,
    severity: 'error',
    fix: 'Serve GET services/{service_code}.xml (and .json) for every service whose metadata is true, or set metadata to false for services without attributes.',
    async run(ctx) {
      const findings = await perCode(ctx, async (code, format, f) => {
        const load = await ctx.definition(code, format);
        if (load.kind === 'status' || load.kind === 'unreachable') f.add(loadProblem(load, `services/${code}.${format}`), load.kind === 'status' ? load.exchange : load.failure);
      });
      return findings?.outcome('every sampled definition answers') ?? skip(NO_METADATA);
    },
  },
  /** The definition is a <service_definition> document (JSON: an object). */
  {
    id: 'definition-document',
    title: 'Service definitions are <service_definition> documents (JSON: an object)',
    specRef: `${REF}; digest §1.1`,
    severity: 'error',
    fix: 'Answer service definitions with a <service_definition> root holding service_code and <attributes> (in JSON, one object with service_code and an attributes array).',
    async run(ctx) {
      const findings = await perCode(ctx, async (code, format, f) => {
        const load = await ctx.definition(code, format);
        const name = `services/${code}.${format}`;
        if (load.kind === 'unparseable') f.add(loadProblem(load, name), load.exchange);
        else if (load.kind === 'ok') f.addAll(load.shapeProblems.map((p) => `${name}: ${p}`), load.exchange);
      });
      return findings?.outcome('every sampled definition has the right document shape') ?? skip(NO_METADATA);
    },
  },
  /** Attributes sit in an attributes list (<attributes><attribute>), not the older bare <attribute> form. */
  {
    id: 'definition-attributes-list',
    title: 'Attributes are wrapped in <attributes> (JSON: an attributes array)',
    specRef: `${REF}; digest §1 (Older service-definition form)`,
    severity: 'warning',
    fix: 'Wrap the attributes in one <attributes> element with an <attribute> per field (in JSON, an attributes array), even when there is only one.',
    run: docRule({
      sources: definitionSources,
      what: 'service definition',
      rule: (_items, doc) => {
        const d = definitionOf(doc);
        const wrapped = member(d, 'attributes');
        if (wrapped === undefined) return [member(d, 'attribute') !== undefined ? 'uses the older form (<attribute> without <attributes>)' : 'attributes is missing'];
        return doc.format === 'json' && !Array.isArray(wrapped) ? [`attributes is ${show(wrapped)}, not an array`] : [];
      },
      passMessage: () => 'every definition has an attributes list',
    }),
  },
  /** service_code in the definition echoes the code asked for. */
  {
    id: 'definition-service-code',
    title: 'The definition echoes the requested service_code',
    specRef: REF,
    severity: 'error',
    fix: "Put the service_code that was asked for in the definition's service_code field.",
    async run(ctx) {
      const findings = await perCode(ctx, async (code, format, f) => {
        const load = await ctx.definition(code, format);
        if (load.kind !== 'ok') return;
        const echoed = textOf(member(load.items[0] ?? {}, 'service_code'));
        if (echoed?.trim() !== code) f.add(`services/${code}.${format}: service_code is ${show(echoed ?? undefined)}`, load.exchange);
      });
      return findings?.outcome('every definition names its own service_code') ?? skip(NO_METADATA);
    },
  },
  /** variable, code, datatype and required are present; code and datatype are not empty. */
  {
    id: 'definition-attribute-fields',
    title: 'Each attribute has variable, code, datatype and required',
    specRef: REF,
    severity: 'error',
    fix: 'Give every attribute its variable, code, datatype and required fields.',
    run: attributeRule((a) => [required(a, 'variable'), required(a, 'code'), required(a, 'datatype'), required(a, 'required')]),
  },
  /** datatype_description, order and description are listed (they may be empty). */
  {
    id: 'definition-attribute-listed-fields',
    title: 'Each attribute lists datatype_description, order and description',
    specRef: REF,
    severity: 'warning',
    fix: 'Give every attribute datatype_description, order and description, empty when there is nothing to say.',
    run: attributeRule((a) => [present(a, 'datatype_description'), present(a, 'order'), present(a, 'description')]),
  },
  /** datatype is one of string, number, datetime, text, singlevaluelist, multivaluelist. */
  { id: 'definition-datatype', title: 'datatype is one of the six spec datatypes', specRef: REF, severity: 'error', fix: 'Use one of string, number, datetime, text, singlevaluelist or multivaluelist as the datatype.', run: attributeRule((a) => [oneOf(a, 'datatype', DATATYPES)]) },
  /**
   * variable and required are true or false: the words in XML, real booleans in JSON
   * (open311/schema-validation service-definition.json types both `boolean`; digest §1 Typing, §14).
   */
  {
    id: 'definition-booleans',
    title: 'variable and required are true or false (JSON: booleans)',
    specRef: `${REF}; digest §1 (Typing)`,
    severity: 'error',
    fix: 'Write variable and required as the words true or false (JSON booleans in JSON).',
    run: attributeRule((a, format) => [booleanText(a, 'variable', format), booleanText(a, 'required', format)]),
  },
  /** order is a positive integer. */
  {
    id: 'definition-order',
    title: 'order is a positive integer',
    specRef: REF,
    severity: 'error',
    fix: 'Number the attributes with positive integers (1, 2, 3…) in the order they should be shown.',
    run: attributeRule((a) => {
      const t = textOf(member(a, 'order'));
      if (t === null || t.trim() === '') return [null];
      return [isDecimal(t) && Number.isInteger(Number(t)) && Number(t) >= 1 ? null : `order ${show(member(a, 'order'))} is not a positive integer`];
    }),
  },
  /** order is not repeated within a definition. */
  {
    id: 'definition-order-unique',
    title: 'order values are unique within a definition',
    specRef: REF,
    severity: 'error',
    fix: 'Give each attribute of a definition its own order number.',
    run: attributesRule(
      (as) => duplicates(as.map((a) => textOf(member(a, 'order'))?.trim() || null)).map((o) => `order ${o} is used by more than one attribute`),
      'no order value repeats',
    ),
  },
  /** Attribute codes are unique within a definition (they key attribute[CODE] on POST). */
  {
    id: 'definition-code-unique',
    title: 'Attribute codes are unique within a definition',
    specRef: REF,
    severity: 'error',
    fix: 'Give each attribute of a definition its own code.',
    run: attributesRule(
      (as) => duplicates(as.map((a) => textOf(member(a, 'code')))).map((c) => `attribute code '${c}' appears more than once`),
      'no attribute code repeats',
    ),
  },
  /** List attributes offer at least one value, each with a key and a name. */
  {
    id: 'definition-list-values',
    title: 'List attributes have values, each with key and name',
    specRef: REF,
    severity: 'error',
    fix: 'Give list attributes a values list whose entries each have a key and a name.',
    run: attributeRule((a) => {
      if (!LIST_TYPES.includes(textOf(member(a, 'datatype')) ?? '')) return [];
      const values = valuesOf(a);
      if (values.length === 0) return ['a list attribute with no values'];
      return values.flatMap((v, i) => [required(v, 'key'), required(v, 'name')].map((p) => (p === null ? null : `value ${i}: ${p}`)));
    }),
  },
  /** Value keys are unique within an attribute. */
  {
    id: 'definition-values-unique',
    title: 'Value keys are unique within an attribute',
    specRef: REF,
    severity: 'error',
    fix: 'Give each value of a list attribute its own key.',
    run: attributeRule((a) => duplicates(valuesOf(a).map((v) => textOf(member(v, 'key')))).map((k) => `value key '${k}' appears more than once`)),
  },
  /** JSON: order an integer, code/datatype strings, value key/name strings (variable/required: definition-booleans). */
  {
    id: 'definition-json-types',
    title: 'JSON attributes use an integer order and string codes and keys',
    specRef: `${REF}; digest §1 (Typing)`,
    severity: 'warning',
    formats: ['json'],
    fix: 'In JSON, write order as a number and codes and keys as strings.',
    run: attributeRule(
      (a) => [
        jsonType(a, 'code', 'string', false),
        jsonType(a, 'datatype', 'string', false), jsonType(a, 'order', 'integer', true),
        jsonType(a, 'datatype_description', 'string', true), jsonType(a, 'description', 'string', true),
        ...valuesOf(a).flatMap((v) => [jsonType(v, 'key', 'string', false), jsonType(v, 'name', 'string', false)]),
      ],
      'json',
    ),
  },
];
