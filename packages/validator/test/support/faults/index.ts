/** Every fault of the fault server, fresh for each server (some remember what they saw). */
import type { Fault, FaultSetting } from '../fault.js';
import { definitionCodeMismatch, discoveryWithoutEndpoints, duplicateAttributeOrder, serviceCodeMissing, unknownDatatype } from './catalogue.js';
import { apiKeyIgnored, errorBodyNotSpec, errorsAs200, errorsAs500, locationNotRequired, unknownRequestAnswered, unknownServiceAnswered } from './errors.js';
import { bareSingleRequest, coordinatesAsStrings, metadataAsString, numericIds, wrappedLists } from './json-shapes.js';
import {
  coordinatesSwapped, datesWithoutTimezone, defaultWindowIgnored, longDescriptions, ninetyDaysIgnored, piiEchoed, requestsRootRenamed,
  statusCapitalised, statusFilterIgnored, tokenOnRealtime,
} from './requests.js';
import { brokenXml, jsonAsHtml, noCharset, slowAnswers, xmlAsApplicationXml } from './transport.js';

export function createFaults(setting: FaultSetting): Fault[] {
  return [
    jsonAsHtml, xmlAsApplicationXml, noCharset, brokenXml, slowAnswers(setting),
    errorsAs200, errorsAs500, errorBodyNotSpec, unknownServiceAnswered, unknownRequestAnswered, apiKeyIgnored(setting), locationNotRequired,
    numericIds, metadataAsString, coordinatesAsStrings, wrappedLists, bareSingleRequest,
    datesWithoutTimezone, statusCapitalised, longDescriptions, ninetyDaysIgnored, defaultWindowIgnored, statusFilterIgnored, piiEchoed(), tokenOnRealtime,
    requestsRootRenamed, coordinatesSwapped,
    serviceCodeMissing, duplicateAttributeOrder, unknownDatatype, definitionCodeMismatch, discoveryWithoutEndpoints,
  ];
}
