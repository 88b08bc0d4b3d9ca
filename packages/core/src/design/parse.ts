/**
 * `parseDesign`: the one way into the design model. Accepts the text of a design.json or
 * an already parsed value (`retort.design/1` or `/2`, upgraded to the current format); returns the design with defaults applied and types normalised,
 * or throws a `RetortError` whose message is one sentence naming the place.
 */
import { RetortError } from '../errors';
import { describeJsonError } from './json-error';
import { DESIGN_FORMAT, type Design, READABLE_DESIGN_FORMATS, readableFormats } from './types';
import { validateDesign } from './validate';

export function parseDesign(input: unknown): Design {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new RetortError(describeJsonError(input), 'invalid_input');
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const format = (value as { format?: unknown }).format;
    if (!READABLE_DESIGN_FORMATS.includes(format as string)) {
      throw new RetortError(
        format === undefined
          ? `design.json has no "format"; Retort reads "${DESIGN_FORMAT}".`
          : `design.json has format ${JSON.stringify(format)}; Retort reads ${readableFormats()}.`,
        'invalid_input',
      );
    }
  } else {
    throw new RetortError('design.json must hold a JSON object.', 'invalid_input');
  }
  const { design, problems } = validateDesign(value);
  if (design) return design;
  const first = problems[0]!;
  const more = problems.length - 1;
  const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
  const sentence = suffix ? `${first.message.replace(/\.$/, '')}${suffix}.` : first.message;
  throw new RetortError(`${first.path}: ${sentence}`, 'invalid_design', { problems });
}
