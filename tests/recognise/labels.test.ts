import { describe, expect, it } from 'vitest';
import { editDistance, normaliseLabel } from '../../src/recognise/normalise.ts';
import { matchRowLabels } from '../../src/recognise/table3-labels.ts';
import { sectionOfLine } from '../../src/recognise/sections.ts';
import { isPageFooter } from '../../src/recognise/text-rows.ts';
import { nodeLabel } from '../../schemas/template.ts';

const leafOf = (layout: '2019' | '2021', labels: string[]) => {
  const m = matchRowLabels(layout, labels, undefined);
  return m && { path: m.path.map(nodeLabel).join('/'), variants: m.variants.length, unmatched: m.unmatched.length };
};

describe('label normalisation', () => {
  it('makes brackets, digits, numbering, spaces and line breaks compare equal', () => {
    expect(normaliseLabel('(六) 其他处理')).toBe(normaliseLabel('（六）其他处理'));
    expect(normaliseLabel('1、申请人无正当理由')).toBe(normaliseLabel('1.申请人无正当理由'));
    expect(normaliseLabel('１． 属于国家秘密')).toBe(normaliseLabel('1.属于国家秘密'));
    expect(normaliseLabel('商业企\n业')).toBe('商业企业');
    expect(normaliseLabel('3.危及"三安全一稳定"')).toBe(normaliseLabel('3.危及“三安全一稳定”'));
    expect(normaliseLabel('第二十条 第（一）项')).toBe('第二十条第(一)项');
  });

  it('measures closeness in characters', () => {
    expect(editDistance('其他法律行政止公开', '其他法律行政法规禁止公开')).toBe(3);
  });
});

describe('table 三 row labels', () => {
  it('matches a label in one column or across three', () => {
    expect(leafOf('2019', ['1.属于国家秘密'])).toEqual({ path: '三、本年度办理结果/（三）不予公开/1.属于国家秘密', variants: 0, unmatched: 0 });
    expect(leafOf('2019', ['三、本年度办理结果', '（三）不予公开', '1. 属于国家秘密'])).toEqual({ path: '三、本年度办理结果/（三）不予公开/1.属于国家秘密', variants: 0, unmatched: 0 });
    expect(leafOf('2019', ['(七) 总计'])).toEqual({ path: '三、本年度办理结果/（七）总计', variants: 0, unmatched: 0 });
  });

  it('resolves a number-only group cell and a numbered leaf within it', () => {
    expect(leafOf('2019', ['（五）', '2.重复申请'])!.path).toBe('三、本年度办理结果/（五）不予处理/2.重复申请');
  });

  it('uses the group of the row above for an ambiguous leaf ("1." alone)', () => {
    const context = matchRowLabels('2019', ['（四）无法提供'], undefined)!.path.at(-1);
    expect(matchRowLabels('2019', ['1.'], context)!.path.map(nodeLabel).join('/')).toBe('三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息');
  });

  it('matches a near-miss as a variant, and refuses a label close to nothing', () => {
    expect(leafOf('2019', ['2.其他法律行政止公开'])).toMatchObject({ path: '三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开', variants: 1 });
    expect(leafOf('2019', ['自然人'])).toBeNull();
    expect(leafOf('2019', ['（八）另行处理'])).toBeNull();
  });

  it('knows （六） is a row in 2019 and a group of three in 2021', () => {
    expect(leafOf('2019', ['（六）其他处理'])!.path).toBe('三、本年度办理结果/（六）其他处理');
    expect(leafOf('2021', ['（六）其他处理', '3、其他'])!.path).toBe('三、本年度办理结果/（六）其他处理/3.其他');
  });
});

describe('section headings', () => {
  const numberOf = (line: string) => sectionOfLine(line)?.number;

  it('are read under any heading marks and bold, in full-width or compatibility forms PDF extraction leaves', () => {
    expect(numberOf('## 一、总体情况')).toBe(1);
    expect(numberOf('**二、主动公开政府信息情况**')).toBe(2);
    expect(numberOf('   ### 三．收到和处理政府信息公开申请情况 ###')).toBe(3);
    expect(numberOf('\u3000四、政府信息公开行政复议、行政诉讼情况')).toBe(4);
    // Kangxi radical one (U+2F00), circled ideograph five (U+3285), a compatibility ideograph of 六 (U+F9D1): normalised first.
    expect(numberOf('⼀、总体情况')).toBe(1);
    expect(numberOf('㊄、存在的主要问题及改进情况')).toBe(5);
    expect(numberOf('\uF9D1、其他需要报告的事项')).toBe(6);
  });

  it('are not found in narrative, numbered lists or empty lines', () => {
    for (const line of ['', '（一）主动公开', '１、总体情况', '**一是积极回应社会关切。**密切关注', '2022年，在市委市政府的坚强领导下', '- 一、总体情况 in a list', '1. 总体情况', '三、' + '申'.repeat(70)]) {
      expect(numberOf(line)).toBeUndefined();
    }
  });
});

describe('page footers', () => {
  it('are read in the forms PDF extraction leaves, full-width ones included', () => {
    for (const line of ['- 5 -', '— 12 —', '–3–', '  - 5 -  ', '－ ５ －', '第 5 页', '第５页', '第 5 页，共 12 页', '第5页/共12页', '5/12', '５ / １２']) {
      expect(isPageFooter(line), line).toBe(true);
    }
  });

  it('are not narrative, headings, table rows or list items', () => {
    for (const line of ['', '第五条', '（一）主动公开', '**一是积极回应社会关切。**', '- 一、总体情况', '5 件', 'a/12', '（5）', '２０２２年', '本年度第 5 页']) {
      expect(isPageFooter(line), line).toBe(false);
    }
  });
});
