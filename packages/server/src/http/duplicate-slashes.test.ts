import { describe, expect, it } from 'vitest';
import { collapseGeoreportSlashes } from './duplicate-slashes.js';

describe('collapseGeoreportSlashes', () => {
  it('collapses runs of slashes in paths under /open311/', () => {
    expect(collapseGeoreportSlashes('/open311/v2//services.xml')).toBe('/open311/v2/services.xml');
    expect(collapseGeoreportSlashes('//open311///v2//requests.json')).toBe('/open311/v2/requests.json');
    expect(collapseGeoreportSlashes('/open311//discovery.json')).toBe('/open311/discovery.json');
  });

  it('leaves the query string exactly as sent', () => {
    expect(collapseGeoreportSlashes('/open311/v2//requests.json?media_url=http://a//b&x=//')).toBe(
      '/open311/v2/requests.json?media_url=http://a//b&x=//',
    );
  });

  it('leaves canonical URLs and paths outside /open311/ alone', () => {
    for (const url of ['/open311/v2/services.xml?a=//b', '//staff//login', '/docs//json', '/', '/open311x//a']) {
      expect(collapseGeoreportSlashes(url)).toBe(url);
    }
  });
});
