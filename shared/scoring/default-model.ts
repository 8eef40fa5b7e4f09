import modelFile from './models/b2b-default.json' with { type: 'json' };
import { parseScoringModel, type ScoringModel } from './scoring-model.ts';

/** Where the published model lives, named in errors so whoever edited it knows which file to fix. */
export const DEFAULT_MODEL_PATH = 'shared/scoring/models/b2b-default.json';

/**
 * The published model, validated when the module loads. The wiring declaration imports it, so an
 * invalid edit stops `npm start` and `cdk synth` with the exact path of each error, before anything
 * is started or deployed.
 */
export const defaultScoringModel: ScoringModel = parseScoringModel(modelFile, DEFAULT_MODEL_PATH);
