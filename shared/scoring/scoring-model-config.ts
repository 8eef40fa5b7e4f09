import type { ConfigKind } from '#shared/config/config-kind.ts';
import { validateWith } from '#shared/config/config-kind.ts';
import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import { DEFAULT_MODEL_PATH } from './default-model.ts';
import modelFile from './models/b2b-default.json' with { type: 'json' };
import { type ScoringModel, scoringModelSchema } from './scoring-model.ts';

/**
 * The scoring model as a published document. Its `version` is the label every score and stage
 * change records, so publishing different points under a used `version` is refused.
 */
export const scoringModelKind: ConfigKind<ScoringModel> = {
  name: 'scoring-model',
  file: DEFAULT_MODEL_PATH,
  seed: modelFile,
  validate: validateWith(scoringModelSchema),
  label: (model) => model.version,
};

/** Use-case deps as a function holds them: the model is read (from the short cache) per invocation. */
export type WithModelReader<Deps extends { readonly model: ScoringModel }> = ReadPerInvocation<Deps, 'model'>;
