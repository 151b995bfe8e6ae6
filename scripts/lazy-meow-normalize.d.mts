import type {Plugin} from 'esbuild';

export const lazyMeowNormalize: Plugin;
export function patchMeowDependencies(source: string): string;
