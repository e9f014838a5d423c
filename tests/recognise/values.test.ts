import { describe, expect, it } from 'vitest';
import { isBlankText, looksLikeValue, parseCount, parseMoney } from '../../src/recognise/values.ts';

describe('counts', () => {
  it.each([
    ['23', 23], ['２３', 23], [' 7 ', 7], ['3,985,758', 3985758], ['３，９８５', 3985], ['-3', -3], ['−3', -3], ['+2', 2], ['5件', 5], ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseCount(text)).toEqual({ state: 'value', value });
  });

  it.each(['', '/', '—', '-', '无', '－', '——'])('reads %j as not reported (null, not zero)', (text) => {
    expect(parseCount(text)).toEqual({ state: 'blank', value: null });
    expect(isBlankText(text)).toBe(true);
  });

  it.each(['1O', '3.5', '约5', '1,2', '12 3a', '99999999999999999999'])('refuses %j', (text) => {
    expect(parseCount(text)).toEqual({ state: 'invalid', value: null });
  });
});

describe('money', () => {
  it('keeps the decimal string exactly as written, with its unit', () => {
    expect(parseMoney('24252.311082', '万元')).toEqual({ state: 'value', value: '24252.311082', unit: '万元' });
    expect(parseMoney('75394432.52元', null)).toEqual({ state: 'value', value: '75394432.52', unit: '元' });
    expect(parseMoney('8840.00', null)).toEqual({ state: 'value', value: '8840.00', unit: null });
    expect(parseMoney('1,234.50', null)).toEqual({ state: 'value', value: '1234.50', unit: null });
    expect(parseMoney('９１１６．３６', '万元')).toEqual({ state: 'value', value: '9116.36', unit: '万元' });
  });

  it('reads blanks as not reported and refuses anything else', () => {
    expect(parseMoney('—', '万元')).toEqual({ state: 'blank', value: null, unit: '万元' });
    expect(parseMoney('约9千', null).state).toBe('invalid');
  });
});

it('tells values from labels in tab-separated text', () => {
  expect(['7', '/', '—', '8840.00', '251000元'].every(looksLikeValue)).toBe(true);
  expect(['', '（一）予以公开', '1. 属于国家秘密', '总计'].some(looksLikeValue)).toBe(false);
});
