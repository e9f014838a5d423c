export * from './template.ts';
export * from './rules.ts';
export * from './cells.ts';
export * from './table2.ts';
export * from './table3.ts';
export * from './table4.ts';
export * from './report.ts';
export * from './diagnostic.ts';
