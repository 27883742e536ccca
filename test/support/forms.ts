/** Encodes nested fields the way a browser sends the forms: `rows[0][model]=…`. */
export function formBody(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => add(`${name}[${i}]`, item));
    else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    } else params.append(name, String(value));
  };
  for (const [name, value] of Object.entries(fields)) add(name, value);
  return params.toString();
}

/** The CSRF token a page put in its forms. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}
