export { webPlugin } from './plugin.js';
export type { WebOptions } from './context.js';
export { LOCALES, type Locale } from './i18n/locales.js';
export { seedDemoStaff } from './staff/demo-staff.js';
