/** The links of a page's main part to a service's form: `/report/CODE`, one segment, so never its confirmation pages. */
export const serviceFormLinks = (): HTMLAnchorElement[] =>
  Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href^="/report/"]')).filter((a) => /^\/report\/[^/]+$/.test(a.pathname));
