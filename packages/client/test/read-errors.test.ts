import { describe, expect, it } from 'vitest';
import { readErrors } from '../src/read/index.js';

describe('readErrors', () => {
  it('reads the spec form in both formats without warnings', () => {
    const item = { code: 403, description: "Invalid api_key received -- can't proceed with create_request." };
    expect(readErrors(`<errors><error><code>403</code><description>${item.description.replace("'", '&apos;')}</description></error></errors>`, 'xml', 403))
      .toEqual({ value: [item], warnings: [] });
    expect(readErrors(JSON.stringify([item, { code: 400, description: 'x' }]), 'json')).toEqual({ value: [item, { code: 400, description: 'x' }], warnings: [] });
  });

  it('reads a bare <error> as one item with the HTTP status', () => {
    expect(readErrors('<?xml version="1.0"?><error>Service not found</error>', 'xml', 404)).toEqual({
      value: [{ code: 404, description: 'Service not found' }],
      warnings: [{ code: 'non-standard-error', path: 'errors', message: 'The error body was a bare <error> element; read as one error with code 404' }],
    });
  });

  it('reads Boston `message` as the description', () => {
    const { value, warnings } = readErrors('[{"code":400,"message":"email required"}]', 'json', 400);
    expect(value).toEqual([{ code: 400, description: 'email required' }]);
    expect(warnings).toEqual([{
      code: 'non-standard-error', path: 'errors.error[0].message', message: 'Errors carried `message` in place of `description`; read as the description',
    }]);
  });

  it('reads {"errors": […]} and {"error": "…"}', () => {
    expect(readErrors('{"errors":[{"code":"400","description":"bad"}]}', 'json')).toMatchObject({
      value: [{ code: 400, description: 'bad' }], warnings: [{ code: 'wrapped-json' }, { code: 'number-as-string' }],
    });
    expect(readErrors('{"error":"Not authorised"}', 'json', 401).value).toEqual([{ code: 401, description: 'Not authorised' }]);
  });

  it('reads an HTML page as one item with the HTTP status and its title', () => {
    const html = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad <b>Gateway</b></h1><br></body></html>';
    expect(readErrors(html, 'json', 502)).toEqual({
      value: [{ code: 502, description: '502 Bad Gateway' }],
      warnings: [{ code: 'non-standard-error', path: 'errors', message: 'The error body was an HTML page; read as one error with code 502' }],
    });
    expect(readErrors('<html><body><h1>Bad <b>Gateway</b></h1></body></html>', 'xml', 502).value).toEqual([{ code: 502, description: 'Bad Gateway' }]);
  });

  it('reads plain text, an empty body and unreadable bodies as one item', () => {
    expect(readErrors('Internal Server Error', 'xml', 500).value).toEqual([{ code: 500, description: 'Internal Server Error' }]);
    expect(readErrors('', 'json', 503).value).toEqual([{ code: 503, description: 'HTTP 503' }]);
    expect(readErrors('{"broken', 'json').value).toEqual([{ code: 0, description: '{"broken' }]);
  });

  it('reads the format the body is in, whatever was asked for', () => {
    const { value, warnings } = readErrors('[{"code":404,"description":"not found"}]', 'xml', 404);
    expect(value).toEqual([{ code: 404, description: 'not found' }]);
    expect(warnings[0]?.message).toBe('The error body was JSON where XML was asked for; read as JSON');
  });

  it('uses the HTTP status for a missing or unreadable code', () => {
    const { value, warnings } = readErrors('<errors><error><description>x</description></error><error><code>E12</code><description>y</description></error></errors>', 'xml', 400);
    expect(value).toEqual([{ code: 400, description: 'x' }, { code: 400, description: 'y' }]);
    expect(warnings.map((w) => w.message)).toEqual([
      'code was missing in one error; read as the HTTP status 400',
      'code could not be read in one error ("E12"); read as the HTTP status 400',
    ]);
  });
});
