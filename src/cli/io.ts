/** Where a command prints: stdout carries only the output; stderr everything else. */
export type Io = { out: (s: string) => void; err: (s: string) => void; colour: boolean };
