/**
 * Shape-driven JSON writer. Projecting through the shape fixes key order, types
 * and nulls, and drops any property the shape does not name, so a record that
 * carries more than the public fields cannot leak them. Shapes are compiled
 * once into projection closures.
 */
import type { DocumentShape, Parent, Shape } from './shape.js';
import { isPresent } from './shape.js';

type Projection = (value: unknown) => unknown;

const compiled = new WeakMap<DocumentShape, Projection>();

export function writeJsonDocument(doc: DocumentShape, value: unknown): string {
  let project = compiled.get(doc);
  if (project === undefined) {
    project = projection(doc.shape);
    compiled.set(doc, project);
  }
  return JSON.stringify(project(value));
}

const stringOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

function projection(shape: Shape): Projection {
  switch (shape.kind) {
    case 'string':
      return shape.nullable ? (value) => (typeof value === 'string' && value !== '' ? value : null) : stringOrEmpty;
    case 'enum':
      return stringOrEmpty;
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    case 'boolean':
      return (value) => value === true;
    case 'stringOrList':
      return (value) => (Array.isArray(value) ? value.map(stringOrEmpty) : stringOrEmpty(value));
    case 'list': {
      const item = projection(shape.of);
      return (value) => (Array.isArray(value) ? value.map((v: unknown) => item(v)) : []);
    }
    case 'object': {
      const fields = shape.fields.map((field) => ({ field, project: projection(field.shape) }));
      return (value) => {
        const parent: Parent = typeof value === 'object' && value !== null ? (value as Parent) : {};
        const out: Record<string, unknown> = {};
        for (const { field, project } of fields) if (isPresent(field, parent)) out[field.key] = project(parent[field.key]);
        return out;
      };
    }
  }
}
