/** A message in English and Vietnamese with `{name}` placeholders. */
export type Template = { en: string; vi: string };

/** Fills a template in the locale's language (Vietnamese for `vi…`, English otherwise). */
export function fill(
  template: Template,
  locale: string,
  values: Record<string, string | number> = {},
): string {
  const text = locale.trim().toLowerCase().startsWith('vi') ? template.vi : template.en;
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
