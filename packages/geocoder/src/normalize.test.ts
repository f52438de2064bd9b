import { describe, expect, it } from 'vitest';
import { parseAddress, streetKey } from './normalize.js';

describe('streetKey', () => {
  it.each([
    ['Main St', 'Main Street'],
    ['MAIN  st.', 'main street'],
    ['1st Ave', 'First Avenue'],
    ['W 1st Ave', 'West First Avenue'],
    ['W. 22nd Ave', 'w 22nd avenue'],
    ['Av. de la Constitución', 'Avenida Constitucion'],
    ['C/ Mayor', 'Calle Mayor'],
    ['Rue de la Paix', 'rue la paix'],
    ['Bd Saint-Germain', 'Boulevard St Germain'],
    ['1re Avenue', '1er avenue'],
    ['Calle 1.ª', 'calle primera'],
    ['Rue de l’Église', 'rue eglise'],
    ['Oak St N', 'Oak Street North'],
  ])('%s and %s are one street', (a, b) => {
    expect(streetKey(a)).toBe(streetKey(b));
  });

  it.each([
    ['Main St', 'Maine St'],
    ['1st Ave', 'W 1st Ave'],
    ['Oak St', 'Oak Ave'],
  ])('%s and %s are not', (a, b) => {
    expect(streetKey(a)).not.toBe(streetKey(b));
  });

  it('reads St as Saint before a name and Street at the end', () => {
    expect(streetKey('St Paul St')).toBe('saint paul street');
  });

  it('keeps a name made only of articles', () => {
    expect(streetKey('La')).toBe('la');
  });
});

describe('parseAddress', () => {
  it.each([
    ['12 Main St', 12, '12', 'main street'],
    ['12B Main Street, Riverton, IA 50309', 12, '12B', 'main street'],
    ['Calle Mayor 7', 7, '7', 'calle mayor'],
    ['Calle Mayor, 7, Madrid', 7, '7', 'calle mayor'],
    ['12, rue de la Paix', 12, '12', 'rue paix'],
    ['200 W 3rd Ave Apt 4', 200, '200', 'west 3 avenue'],
    ['#5 14 Oak St', 14, '14', 'oak street'],
    ['Main St', undefined, undefined, 'main street'],
    ['1st Ave', undefined, undefined, '1 avenue'],
    ['  ', undefined, undefined, ''],
    ['12', 12, '12', ''],
  ])('%s', (text, number, numberText, key) => {
    expect(parseAddress(text)).toEqual({ number, numberText, streetKey: key });
  });
});
