// The small part of Eleventy's API that gongkai uses (Eleventy ships JSDoc, not type declarations).
declare module '@11ty/eleventy' {
  export type EleventyOptions = { configPath?: string; quietMode?: boolean; runMode?: 'build' | 'watch' | 'serve' };
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<unknown>;
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    /** Its file watcher (chokidar), once `watch()` has resolved. */
    watcher?: import('./watched.ts').FileWatcher;
    serve(port?: number): Promise<unknown>;
  }
}

/** What `.eleventy.ts` receives: only the calls gongkai makes. */
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  on(event: 'eleventy.after', handler: (event: { directories: { output: string } }) => Promise<void>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  setLibrary(extension: 'njk', library: import('nunjucks').Environment): void;
}
