import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import {
  approvedClaimsForModels,
  findModel,
  parseModelId,
  type ModelClaimView,
  type ModelDetail,
} from './model.repository';

export interface LoadedModel {
  model: ModelDetail;
  /** Its approved claims, in catalogue order. */
  claims: ModelClaimView[];
}

/** A model and its approved claims: the page, its exports and the API. */
export async function loadModel(db: DB, key: string): Promise<LoadedModel> {
  const id = parseModelId(key);
  const model = id === undefined ? undefined : await findModel(db, id);
  if (!model) throw HttpError.notFound('The model');
  return { model, claims: await approvedClaimsForModels(db, [model.id]) };
}
