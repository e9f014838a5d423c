// The report's text with fast line access, so that recognisers can read the
// exact source behind an mdast node.

export class SourceText {
  readonly lines: string[];
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    this.starts = [0];
    for (const line of this.lines) this.starts.push(this.starts[this.starts.length - 1]! + line.length + 1);
  }

  /** Line `n` (1-based). */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  offsetOf(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }
}
