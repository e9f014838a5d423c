// The rendering helper's entry: worker threads do not inherit tsx's loader,
// so this plain module registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
