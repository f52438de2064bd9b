/** Words of the registry admin's federated-endpoint part: upstream API keys and deliveries (global administrators). */
export const federationEn = {
  'staff.federation.title': 'Federated endpoint',
  'staff.federation.intro':
    'Requests posted to the federated endpoint for this endpoint’s services are delivered to it in the background, with the upstream API key below.',
  'staff.federation.keyLabel': 'Upstream API key',
  'staff.federation.keySet': 'An upstream API key is set. It is stored encrypted and never shown again.',
  'staff.federation.keyNotSet': 'No upstream API key is set: requests are delivered without one.',
  'staff.federation.keyHint': 'The key this endpoint gave to this server. Write-only: typing a new one replaces it.',
  'staff.federation.keySave': 'Save the key',
  'staff.federation.keyReplace': 'Replace the key',
  'staff.federation.keyRemove': 'Remove the key',
  'staff.federation.noSecret':
    'Upstream API keys cannot be stored: this server was started without O311_ROUTER_SECRET. Set it (at least 16 characters, the same on every server process) and restart.',
  'staff.federation.keyInvalid': 'The key was not saved: an upstream API key is 1 to 1,024 characters on one line.',
  'staff.federation.keySaved': 'The upstream API key was saved.',
  'staff.federation.keyRemoved': 'The upstream API key was removed.',
  'staff.federation.keyAbsent': 'There was no upstream API key to remove.',
  'staff.federation.deliveries': 'Deliveries',
  'staff.federation.deliveriesTitle': 'Deliveries to {name}',
  'staff.federation.deliveriesIntro':
    'Requests routed to this endpoint, newest first. Queued: on its way (retried with back-off); delivered: the upstream took it; failed: the upstream refused it; dead: every retry failed.',
  'staff.federation.anyState': 'Any state',
  'staff.federation.state': 'State',
  'staff.federation.show': 'Show',
  'staff.federation.caption': 'Deliveries, newest first',
  'staff.federation.received': 'Received',
  'staff.federation.service': 'Service',
  'staff.federation.attempts': 'Attempts',
  'staff.federation.lastError': 'Last error',
  'staff.federation.upstreamId': 'Upstream id',
  'staff.federation.none': 'No delivery matches.',
  'staff.federation.retry': 'Retry',
  'staff.federation.retried': 'The delivery was queued again.',
  'staff.federation.notRetried': 'Only a failed or dead delivery can be retried.',
  'staff.federation.page': 'Page {page} of {pages}',
  'staff.federation.newer': 'Newer',
  'staff.federation.older': 'Older',
  'staff.federation.back': 'Back to the endpoint',
} as const;

export type FederationKey = keyof typeof federationEn;
