/** Where the SMS simulator lives (only when the server enables it: demo and development). */
export const SMS_SIMULATOR_PATH = '/channels/sms/simulator';

/** The page showing the conversation of `from`; `at` adds the transcript's anchor (after a send). */
export const simulatorPath = (from: string, at = ''): string =>
  from === '' ? SMS_SIMULATOR_PATH : `${SMS_SIMULATOR_PATH}?${new URLSearchParams({ from })}${at === '' ? '' : `#${at}`}`;
