/** Words of the registry admin's monitor section: state, polling settings, alert webhook (global administrators). */
export const monitorEn = {
  'staff.monitor.title': 'Monitor',
  'staff.monitor.intro':
    'The status monitor polls this endpoint’s service list on its interval and records whether it answers, how fast, and why not. Its contact e-mail and webhook are alerted when it goes down, comes back, or its conformance score drops.',
  'staff.monitor.state': 'State',
  'staff.monitor.state.unknown': 'not polled yet',
  'staff.monitor.state.up': 'up',
  'staff.monitor.state.down': 'down (incident open)',
  'staff.monitor.since': 'since {when}',
  'staff.monitor.lastPoll': 'Last poll',
  'staff.monitor.never': 'never',
  'staff.monitor.pollOk': 'answered in {ms} ms',
  'staff.monitor.pollFailed': 'failed: {kind}',
  'staff.monitor.failures': 'Failed polls in a row: {n}',
  'staff.monitor.nextPoll': 'Next poll: {when}',
  'staff.monitor.paused': 'Paused: not polled (its figures stay)',
  'staff.monitor.intervalLabel': 'Poll every (seconds)',
  'staff.monitor.intervalHint': 'From {min} to {max} seconds.',
  'staff.monitor.pausedLabel': 'Pause the monitor for this endpoint',
  'staff.monitor.webhookLabel': 'Alert webhook URL',
  'staff.monitor.webhookHint': 'Optional. Alerts are POSTed here as JSON, signed with the secret below (header X-O311-Signature). Empty: e-mail only.',
  'staff.monitor.secretLabel': 'Webhook secret',
  'staff.monitor.secretSet': 'A secret is set. It is stored encrypted and never shown again; leave the field empty to keep it.',
  'staff.monitor.secretNotSet': 'No secret is set. A webhook needs one (16 to 256 characters).',
  'staff.monitor.save': 'Save the monitor settings',
  'staff.monitor.pollNow': 'Poll now',
  'staff.monitor.pollNowHint': 'Polled within a minute by a process running the monitor (serve --monitor or o311 monitor run).',
  'staff.monitor.saved': 'The monitor settings were saved.',
  'staff.monitor.queued': 'The endpoint will be polled within a minute.',
  'staff.monitor.problem.interval': 'The interval was not saved: whole seconds from {min} to {max}.',
  'staff.monitor.problem.url': 'The webhook URL must be an absolute http(s) URL without a user name or password.',
  'staff.monitor.problem.secret': 'A webhook secret is 16 to 256 characters on one line.',
  'staff.monitor.problem.secretNeeded': 'A webhook needs a secret to sign its messages with.',
  'staff.monitor.problem.noSecret':
    'Webhook secrets cannot be stored: this server was started without O311_ROUTER_SECRET. Set it (at least 16 characters, the same on every server process) and restart.',
} as const;

export type MonitorKey = keyof typeof monitorEn;
