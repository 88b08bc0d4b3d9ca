/** The model formats Retort emits, by the name the CLI's `--format` and `/api/models` use. */
import { MODEL_EMITTERS, MODEL_FORMAT_NAMES, type ModelFormat } from '@retort/codegen';
import type { Design } from '@retort/core';

export { isModelFormat, MODEL_FORMAT_NAMES, type ModelFormat } from '@retort/codegen';

export const MODEL_FORMATS = Object.fromEntries(
  MODEL_FORMAT_NAMES.map((name) => [name, MODEL_EMITTERS[name].emit]),
) as Record<ModelFormat, (design: Design) => string>;
