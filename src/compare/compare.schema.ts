import { z } from 'zod';
import { ADAPTATIONS, SPLITS, type Adaptation, type Split } from '../claims/claim.setting';
import { parseModelId } from '../models/model.repository';

export const MAX_COMPARED = 8;

/** A query key given once, repeated or not at all, as a list of its non-empty string values. */
const queryList = z
  .preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z.array(z.unknown()).transform((items) =>
      items
        .filter((item): item is string => typeof item === 'string')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .slice(0, 50),
    ),
  )
  .catch([]);

const rawCompareQuery = z.object({
  models: queryList,
  model: queryList,
  adaptations: queryList,
  split: queryList,
});

const adaptation = z.enum(ADAPTATIONS);
const split = z.enum(SPLITS);

export type CompareField = 'models' | 'model' | 'adaptations' | 'split';

export interface CompareProblem {
  field: CompareField;
  message: string;
}

interface CommonRequest {
  split: Split;
  /** False when the URL named no split, so the page may pick one the selection shares. */
  splitGiven: boolean;
  problems: CompareProblem[];
}

export interface ModelsRequest extends CommonRequest {
  mode: 'models';
  modelIds: number[];
}

export interface AdaptationsRequest extends CommonRequest {
  mode: 'adaptations';
  modelId: number | null;
  adaptations: Adaptation[];
}

export type CompareRequest = ModelsRequest | AdaptationsRequest;

/** Echoes a rejected value back in a message, short enough not to flood the page. */
export const quoted = (value: string): string =>
  `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

/**
 * `?models=1&models=2` compares models; `?model=1&adaptations=lora&adaptations=full_ft` compares
 * adaptation methods on one model. Bad values become problems for the page to show, never errors.
 */
export function parseCompareQuery(query: unknown): CompareRequest {
  const raw = rawCompareQuery.parse(query ?? {});
  const problems: CompareProblem[] = [];

  let chosenSplit: Split = 'test';
  const [splitText] = raw.split;
  const parsedSplit = splitText === undefined ? undefined : split.safeParse(splitText);
  if (parsedSplit?.success) chosenSplit = parsedSplit.data;
  else if (splitText !== undefined) {
    problems.push({
      field: 'split',
      message: `${quoted(splitText)} is not a split; choose test, dev or unknown.`,
    });
  }
  const common = { split: chosenSplit, splitGiven: parsedSplit?.success === true, problems };

  if (raw.models.length > 0 || (raw.model.length === 0 && raw.adaptations.length === 0)) {
    const modelIds: number[] = [];
    for (const text of raw.models) {
      const id = parseModelId(text);
      if (id === undefined) {
        problems.push({ field: 'models', message: `${quoted(text)} is not a model id.` });
      } else if (!modelIds.includes(id)) {
        modelIds.push(id);
      }
    }
    if (modelIds.length > MAX_COMPARED) {
      problems.push({
        field: 'models',
        message: `At most ${MAX_COMPARED} models can be compared at once; the first ${MAX_COMPARED} are shown.`,
      });
    }
    return { mode: 'models', modelIds: modelIds.slice(0, MAX_COMPARED), ...common };
  }

  const [modelText] = raw.model;
  const modelId = modelText === undefined ? undefined : parseModelId(modelText);
  if (modelText !== undefined && modelId === undefined) {
    problems.push({ field: 'model', message: `${quoted(modelText)} is not a model id.` });
  }
  const adaptations: Adaptation[] = [];
  for (const text of raw.adaptations) {
    const parsed = adaptation.safeParse(text);
    if (!parsed.success) {
      problems.push({
        field: 'adaptations',
        message: `${quoted(text)} is not an adaptation method.`,
      });
    } else if (!adaptations.includes(parsed.data)) {
      adaptations.push(parsed.data);
    }
  }
  return { mode: 'adaptations', modelId: modelId ?? null, adaptations, ...common };
}

/** The URL of the same comparison, optionally on another split. */
export function compareUrl(request: CompareRequest, splitOverride?: Split): string {
  const params = new URLSearchParams();
  if (request.mode === 'models') {
    for (const id of request.modelIds) params.append('models', String(id));
  } else {
    if (request.modelId !== null) params.append('model', String(request.modelId));
    for (const a of request.adaptations) params.append('adaptations', a);
  }
  params.append('split', splitOverride ?? request.split);
  return `/compare?${params.toString()}`;
}
