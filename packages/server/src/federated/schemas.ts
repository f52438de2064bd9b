/** OpenAPI pieces of the federated endpoint (documentation only, as for /open311/v2: the routes check their input). */
import { Type } from 'typebox';
import { ServiceSchema } from '../georeport/schemas.js';

export const FederatedServiceSchema = Type.Object({
  ...ServiceSchema.properties,
  service_code: Type.String({ description: '`slug:CODE`: the owning endpoint\'s slug and its own service code.', examples: ['polk-county:ROADKILL'] }),
  endpoint: Type.String({ description: 'Extension: the slug of the registry endpoint that owns the service.' }),
  endpoint_name: Type.String({ description: 'Extension: that endpoint\'s name.' }),
  tier: Type.String({ description: 'Extension: its tier (city, county, state, nation, …).' }),
});

export const LAT = Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Where: decimal degrees (WGS 84), with long.' }));
export const LONG = Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Where: decimal degrees (WGS 84), with lat.' }));
export const FEDERATED_LOCALE = Type.Optional(
  Type.String({
    description:
      'Extension (CitySDK): the language of names, descriptions and attribute texts, passed on to every endpoint, e.g. `es` ' +
      'or `es_MX` (an o311 endpoint falls back to `es`; an endpoint that refuses the parameter is asked again without it). ' +
      'Only a known language with at most a known region, read from the start of the value, is passed on (`es-MX-x` is ' +
      '`es_MX`); a value that does not start with a known language is read as no locale.',
  }),
);

export const SLUG = Type.Optional(
  Type.String({ description: 'The slug of one registry endpoint: only its answers (an unknown slug answers 404).' }),
);
