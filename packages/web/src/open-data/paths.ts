/** The open-data page's URLs, named once. The files themselves are served by @o311/server under the same prefix. */
export const OPEN_DATA_PATH = '/open-data';

/** The Atom feed of a jurisdiction's updates, under its open-data base (`/open-data` or `/open-data/{id}`). */
export const updatesFeedPath = (base: string): string => `${base}/updates.atom`;
