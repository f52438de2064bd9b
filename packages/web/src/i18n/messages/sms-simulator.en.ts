/** Words of the SMS simulator page `/channels/sms/simulator` (issue 15, demos and tests only). Placeholders are `{name}`. */
export const smsSimulatorEn = {
  'smsSimulator.title': 'SMS simulator',
  'smsSimulator.intro':
    'Text the city as a phone would: type a message as the number below and read the replies. This page is for tests and demonstrations: nothing reaches a real phone.',
  'smsSimulator.number': 'Phone number',
  'smsSimulator.numberHint': 'A fictional number, that no real phone has: +1, an area code and 555 0100 to 555 0199 (e.g. +1 515 555 0123), or +44 7700 900 000 to 999.',
  'smsSimulator.message': 'Message',
  'smsSimulator.messageHint': 'For example "Hola, hay un bache". Reply HELP for the commands, STOP to stop all messages.',
  'smsSimulator.send': 'Send',
  'smsSimulator.refresh': 'Check for new messages',
  'smsSimulator.conversation': 'Conversation with {number}',
  'smsSimulator.empty': 'No messages with this number yet.',
  'smsSimulator.you': 'You',
  'smsSimulator.city': 'City',
  'smsSimulator.queued': '(sending)',
  'smsSimulator.failed': '(not delivered)',
  'smsSimulator.noReply': 'No reply: this number said STOP, or sent too many messages in a minute.',
  'smsSimulator.badNumber': 'Enter a fictional number: +1, an area code and 555 0100 to 555 0199, or +44 7700 900 000 to 999.',
  'smsSimulator.emptyMessage': 'Type a message.',
} as const;

export type SmsSimulatorKey = keyof typeof smsSimulatorEn;
