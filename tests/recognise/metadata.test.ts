import { describe, expect, it } from 'vitest';
import { check } from '../helpers.ts';

const meta = (text: string) => {
  const r = check(text).report!;
  return { agency: r.agency, year: r.year, period: r.period, source: r.metadataSource };
};

describe('metadata', () => {
  it('reads agency and year from the title line, keeping the agency as written', () => {
    expect(meta('# 平潭综合实验区（管委会）2019年政府信息公开工作年度报告\n')).toMatchObject({ agency: '平潭综合实验区（管委会）', year: 2019, source: 'title' });
    expect(meta('**淮安市人民政府 ２０２４ 年度政府信息公开工作年度报告**\n')).toMatchObject({ agency: '淮安市人民政府', year: 2024 });
    expect(meta('2021年度北京市西城区财政局政府信息公开工作年度报告\n')).toMatchObject({ agency: '北京市西城区财政局', year: 2021 });
  });

  it('takes the agency from the line above a title that starts with the year', () => {
    expect(meta('北京市某某局\n\n2022年政府信息公开工作年度报告\n')).toMatchObject({ agency: '北京市某某局', year: 2022 });
  });

  it('reads the statistics period, and the year from it when the title has none', () => {
    expect(meta('# 某局年度报告\n\n本报告中所列数据的统计期限自２０２３年１月１日起至2023年12月31日止。\n')).toEqual({
      agency: null, year: 2023, period: { from: '2023-01-01', to: '2023-12-31' }, source: 'none',
    });
  });

  it('lets YAML front matter win over the title', () => {
    expect(meta('---\nagency: 某某区人民政府\nyear: 2020\n---\n# 某某区人民政府办公室2021年政府信息公开工作年度报告\n')).toMatchObject({ agency: '某某区人民政府', year: 2020, source: 'front-matter' });
  });
});
