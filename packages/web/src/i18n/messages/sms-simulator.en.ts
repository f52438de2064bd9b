/** Words of the SMS simulator page `/channels/sms/simulator` (issue 15, demos and tests only). Placeholders are `{name}`. */
export const smsSimulatorEn = {
  'smsSimulator.title': 'SMS simulator',
  'smsSimulator.intro':
    'Text the city as a phone would: type a message as the number below and read the replies. This page is for tests and demonstrations: nothing reaches a real phone.',
  'smsSimulator.number': 'Phone number',
  'smsSimulator.numberHint': 'International, with + and the country code, e.g. +34 600 000 001.',
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
  'smsSimulator.badNumber': 'Enter an international phone number: + and 8 to 15 digits.',
  'smsSimulator.emptyMessage': 'Type a message.',
} as const;

export type SmsSimulatorKey = keyof typeof smsSimulatorEn;
