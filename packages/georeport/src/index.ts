export * from './model.js';
export * from './errors.js';
export * from './format.js';
export * from './dates.js';
export * from './codec/encode.js';
export * from './codec/decode.js';
export * from './codec/discovery-codec.js';
export * from './input/form.js';
export * from './input/requests-query.js';
export * from './input/submission.js';
export { validateAttributeAnswers, type AttributeAnswer } from './input/attribute-answers.js';
export * from './input/updates.js';
export * from './input/limits.js';
export * from './input/idempotency-key.js';
export { zoneOffsetMinutes } from './time/zone-offset.js';
export { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT, isWritableInstant } from './time/writable-range.js';
export { TIERS, isTier, tierRank, type Tier } from './registry/tiers.js';
export {
  GeometryError, bboxOf, planarArea, ringBBox, toMultiPolygon,
  type BBox, type MultiPolygon, type Polygon, type Position, type Ring,
} from './registry/geometry.js';
export { escapeXmlText } from './codec/xml-text.js';
