/** The tracker's URLs, named once. */
import { trackerPath } from '../citizen/origin.js';

export { trackerPath };
export { tokenPath } from './pending-token.js';

const base = trackerPath;

export const feedPath = (id: string): string => `${base(id)}/feed.atom`;
export const followPath = (id: string): string => `${base(id)}/follow`;
export const confirmPath = (id: string, token: string): string => `${base(id)}/follow/confirm?token=${encodeURIComponent(token)}`;
export const unsubscribePath = (token: string): string => `/track/unsubscribe?token=${encodeURIComponent(token)}`;
export const supportPath = (id: string): string => `${base(id)}/support`;
