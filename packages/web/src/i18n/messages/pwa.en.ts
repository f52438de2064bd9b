/** Words of the installable app: its manifest, the offline page, the outbox of reports made without a connection. */
export const pwaEn = {
  'pwa.name': '{site}: report a problem',
  'pwa.description':
    'Report a problem in a public space to whoever handles it there, follow it, and keep reporting without a connection.',
  'pwa.offline.title': 'No connection',
  'pwa.offline.intro': 'This page was not saved on this device, so it cannot be shown without a connection.',
  'pwa.offline.canStill': 'Without a connection you can still:',
  'pwa.offline.report': 'report a problem (it is sent when the connection returns)',
  'pwa.offline.outbox': 'see the reports waiting to be sent',
  'pwa.outbox.title': 'Reports waiting to be sent',
  'pwa.outbox.intro':
    'A report made without a connection is kept in this browser, with its photos, and sent when the connection returns. It is filed once, however often it is sent.',
  'pwa.outbox.noScript': 'Reports are kept on this device only when JavaScript is on. Without it, send your report when you are online.',
  'pwa.outbox.empty': 'No report is waiting on this device.',
  'pwa.outbox.sendNow': 'Send now',
  'pwa.outbox.pending': 'Waiting for a connection (made {time}).',
  'pwa.outbox.sending': 'Sending…',
  'pwa.outbox.sent': 'Sent. Its number is {id}.',
  'pwa.outbox.sentNoNumber': 'Sent.',
  'pwa.outbox.refused': 'Not accepted: {problems}',
  'pwa.outbox.track': 'Track request {id}',
  'pwa.outbox.remove': 'Remove',
  'pwa.queued': 'No connection: your report is kept on this device and will be sent when the connection returns.',
  'pwa.banner.sent': 'Your report ({service}) was sent. Its number is {id}.',
  'pwa.banner.sentNoNumber': 'Your report ({service}) was sent.',
  'pwa.banner.waiting': 'Reports waiting to be sent on this device: {count}.',
  'pwa.banner.view': 'See the reports waiting to be sent',
  'pwa.routed.needsConnection':
    'Sending a report to another endpoint needs a connection. Your answers stay in the form; send it when you are back online.',
};
