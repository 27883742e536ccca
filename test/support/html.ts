const ENTITIES: Record<string, string> = {
  '#34': '"',
  quot: '"',
  '#39': "'",
  lt: '<',
  gt: '>',
  amp: '&',
};

/** Undoes the escaping EJS applies with <%= %>. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#34|quot|#39|lt|gt|amp);/g, (_, entity: string) => ENTITIES[entity]!);

/** The config a page hands to Chart.js, read back from a canvas's escaped data-chart attribute. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape it reads
export function chartConfig<T = ChartConfigShape>(html: string, canvasId?: string): T {
  const pattern = canvasId
    ? new RegExp(`<canvas id="${canvasId}" data-chart="([^"]*)"`)
    : /<canvas[^>]*data-chart="([^"]*)"/;
  const match = pattern.exec(html);
  if (!match) throw new Error(canvasId ? `no chart ${canvasId}` : 'no chart on the page');
  return JSON.parse(decodeEntities(match[1]!)) as T;
}

export interface ChartConfigShape {
  type: string;
  options: Record<string, unknown>;
  data: { labels: string[]; datasets: { label: string; data: unknown[] }[] };
}
