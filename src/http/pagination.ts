export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

export function paginate<T>(items: T[], total: number, page: number, perPage: number): Page<T> {
  return { items, page, perPage, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** A link to the same view with some query parameters replaced, for sort and page controls. */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined | null>,
  changes: Record<string, string | number | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
