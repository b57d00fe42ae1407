import { describe, expect, test } from 'vitest';
import { parseBoolean, parseDuration, parseInteger, parseMoney, parseNumber, parsePercent } from '../../src/load/data/numbers.js';

describe('parseNumber', () => {
  test.each([
    ['1234.5', 1234.5],
    ['-3', -3],
    ['+7', 7],
    ['1e3', 1000],
    ['.5', 0.5],
    [' 42 ', 42],
    ['1,204', 1204],
    ['1,234.56', 1234.56],
    ['12,345,678', 12345678],
  ])('%j -> %j', (text, expected) => expect(parseNumber(text)).toBe(expected));

  test.each(['abc', '1,2', '12,34', '1,2345', '1.2.3', 'e3', '1e400', 'NaN', 'Infinity', '', ' ', '0x10', '1 234'])('%j is not a number', (text) =>
    expect(parseNumber(text)).toBeNull(),
  );

  test("decimal ',': 1.234,56 and 1 234,56 and a narrow no-break space", () => {
    expect(parseNumber('1.234,56', ',')).toBe(1234.56);
    expect(parseNumber('1 234,56', ',')).toBe(1234.56);
    expect(parseNumber('1\u202f234,5', ',')).toBe(1234.5);
    expect(parseNumber('0,5', ',')).toBe(0.5);
    expect(parseNumber('1.234.567', ',')).toBe(1234567);
    expect(parseNumber('1.23,4', ',')).toBeNull();
    expect(parseNumber('1.234 567,8', ',')).toBeNull();
  });
});

test('parseInteger accepts integral values only', () => {
  expect(parseInteger('1,204')).toBe(1204);
  expect(parseInteger('3.0')).toBe(3);
  expect(parseInteger('1e3')).toBe(1000);
  expect(parseInteger('3.5')).toBeNull();
  expect(parseInteger('99999999999999999999')).toBeNull();
});

describe('parseMoney', () => {
  test.each([
    ['$1,500.00', 1500],
    ['£3.20', 3.2],
    ['€ 12', 12],
    ['¥3000', 3000],
    ['USD 12.50', 12.5],
    ['12.50 EUR', 12.5],
    ['US$12', 12],
    ['-$4.10', -4.1],
    ['$-4.10', -4.1],
    ['(12.50)', -12.5],
    ['($1,200.00)', -1200],
    ['7', 7],
  ])('%j -> %j', (text, expected) => expect(parseMoney(text)).toBe(expected));

  test('decimal commas and refusals', () => {
    expect(parseMoney('R$ 1.234,50', ',')).toBe(1234.5);
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('$')).toBeNull();
    expect(parseMoney('$1,50')).toBeNull();
  });

  test.each(['5k', '1.5M', '$1.5M', '1.5 bn', '£1.5k', 'ab 5 cd', 'abc5', '12 pcs', 'usd 12'])('%j is not an amount', (text) => {
    // magnitude suffixes and words would otherwise silently lose their meaning
    expect(parseMoney(text)).toBeNull();
  });
});

test('parsePercent: a sign divides by 100, a bare number is already a fraction', () => {
  expect(parsePercent('12%')).toBe(0.12);
  expect(parsePercent('12.5 %')).toBe(0.125);
  expect(parsePercent('-3%')).toBe(-0.03);
  expect(parsePercent('0.6437054631828979')).toBe(0.6437054631828979);
  expect(parsePercent('12,5%', ',')).toBe(0.125);
  expect(parsePercent('%')).toBeNull();
  expect(parsePercent('high')).toBeNull();
});

test('parseBoolean', () => {
  for (const text of ['true', 'TRUE', 'Yes', '1', ' yes ']) expect(parseBoolean(text)).toBe(true);
  for (const text of ['false', 'False', 'NO', '0']) expect(parseBoolean(text)).toBe(false);
  for (const text of ['y', 'maybe', '2', '']) expect(parseBoolean(text)).toBeNull();
});

describe('parseDuration', () => {
  test.each([
    ['48:00:00', 172800],
    ['1:02:03', 3723],
    ['00:02:41', 161],
    ['02:41', 161],
    ['75:30', 4530],
    ['90', 90],
    ['12.5', 12.5],
    ['0:00:01.5', 1.5],
  ])('%j -> %j seconds', (text, expected) => expect(parseDuration(text)).toBe(expected));

  test.each(['1:60:00', '1:00:75', '-5', 'soon', '1:2:3:4'])('%j is refused', (text) => expect(parseDuration(text)).toBeNull());
});
