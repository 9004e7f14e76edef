/** A date and time in Beijing time, as the console shows every timestamp. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** `{ a: { b: 1 } }` → `[['a.b', 1]]`: the claim's fact keys as the API names them in `fields`. */
export function flattenFacts(facts: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(facts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      out.push(...flattenFacts(value as Record<string, unknown>, path));
    else out.push([path, value]);
  }
  return out;
}
