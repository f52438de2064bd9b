/**
 * The browser's half of src/i18n/plural.ts: a counted message's forms arrive
 * with the page (`{ one: "…", other: "…" }`), and the language's own rules
 * pick one, so a count the page updates reads as the server would write it.
 */
export type PluralForms = Readonly<Record<string, string>>;

export function pluralText(forms: PluralForms, locale: string, count: number): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? '';
  return form.replace('{count}', new Intl.NumberFormat(locale).format(count));
}
