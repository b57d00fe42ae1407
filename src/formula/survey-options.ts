/**
 * Named options of the survey scores, after the column:
 * `csat(survey.satisfaction, satisfied >= 4, scale 1..5)`,
 * `nps(survey.recommend, promoters >= 9, detractors <= 6)`. A bare number
 * after csat's column is its satisfied cut-off, as `csat(col, 4)` always was.
 */
import type { AnswerScale, Span } from './ast.js';
import { describe } from './cursor.js';
import type { Cursor } from './cursor.js';
import { isSurveyFn, SURVEY_DEFAULTS, type FunctionInfo, type SurveyOption } from './functions.js';
import { didYouMean } from '../core/suggest.js';

export interface SurveyOptions {
  scale?: AnswerScale;
  satisfied?: number;
  promoters?: number;
  detractors?: number;
}

const CUT_OFFS = {
  satisfied: { op: '>=', example: SURVEY_DEFAULTS.csat.satisfied },
  promoters: { op: '>=', example: SURVEY_DEFAULTS.nps.promoters },
  detractors: { op: '<=', example: SURVEY_DEFAULTS.nps.detractors },
} as const;

export function parseSurveyOptions(c: Cursor, info: FunctionInfo): SurveyOptions {
  const options: SurveyOptions = {};
  while (c.takePunct(',')) {
    const start = c.current.span.start;
    const option = parseOption(c, info);
    if (options[option.name] !== undefined) c.fail(`${option.name} is given twice in ${info.name}(`, { start, end: c.current.span.start });
    Object.assign(options, { [option.name]: option.value });
  }
  return options;
}

type Option = { name: 'scale'; value: AnswerScale } | { name: Exclude<SurveyOption, 'scale'>; value: number };

function parseOption(c: Cursor, info: FunctionInfo): Option {
  const allowed = info.options ?? [];
  const token = c.current;
  if (token.kind === 'number' && info.name === 'csat') return { name: 'satisfied', value: parseNumber(c, 'the satisfied cut-off').value };
  const word = token.kind === 'ident' ? token.name.toLowerCase() : '';
  const option = allowed.find((name) => name === word);
  if (!option) {
    const written = token.kind === 'ident' ? `'${token.name}'.${didYouMean(token.name, allowed)}` : describe(token, c.text);
    const usages = allowed.map((name) => usage(name, info));
    return c.fail(`${info.name} has no option ${written} Write its options after the column: ${usages.join(', ')}`);
  }
  c.advance();
  if (option === 'scale') return { name: option, value: parseScale(c) };
  const { op } = CUT_OFFS[option];
  c.expectPunct(op, `write ${usage(option, info)}`);
  return { name: option, value: parseNumber(c, `the ${option} cut-off, a number`).value };
}

function usage(option: SurveyOption, info: FunctionInfo): string {
  if (option === 'scale') {
    const { min, max } = isSurveyFn(info.name) ? SURVEY_DEFAULTS[info.name].scale : SURVEY_DEFAULTS.csat.scale;
    return `scale ${min}..${max}`;
  }
  return `${option} ${CUT_OFFS[option].op} ${CUT_OFFS[option].example}`;
}

/** `1..5`: whole numbers, the lowest answer first. */
function parseScale(c: Cursor): AnswerScale {
  const min = parseNumber(c, 'the lowest answer of the scale, as in scale 1..5');
  c.expectPunct('..', 'write the scale as lowest..highest, e.g. scale 1..5');
  const max = parseNumber(c, 'the highest answer of the scale, as in scale 1..5');
  const span = { start: min.span.start, end: max.span.end };
  if (!Number.isInteger(min.value) || !Number.isInteger(max.value)) c.fail('a scale runs between whole numbers, e.g. scale 1..5', span);
  if (min.value >= max.value) c.fail(`a scale runs from its lowest answer to its highest, e.g. scale 1..5; found ${min.value}..${max.value}`, span);
  return { min: min.value, max: max.value };
}

/** A number, optionally negative. */
export function parseNumber(c: Cursor, what: string): { value: number; span: Span } {
  const start = c.current.span.start;
  const negative = c.takePunct('-');
  const token = c.current;
  if (token.kind !== 'number') return c.fail(`expected ${what}, found ${describe(token, c.text)}`);
  c.advance();
  return { value: negative ? -token.value : token.value, span: { start, end: token.span.end } };
}
