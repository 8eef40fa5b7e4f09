import modelFile from './models/b2b-default.json' with { type: 'json' };
import { parseScoringModel, type ScoringModel } from './scoring-model.ts';

/** The documented B2B default, validated when the module loads so a bad edit fails fast. */
export const defaultScoringModel: ScoringModel = parseScoringModel(modelFile);
