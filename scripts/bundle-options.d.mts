import type {BuildOptions} from 'esbuild';

export const appParameters: readonly string[];
export function distOptions(): BuildOptions;
export function buildDist(outdir: string, options?: {readonly minify?: boolean}): Promise<string>;
