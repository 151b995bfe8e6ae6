import type {BuildOptions} from 'esbuild';

export function distOptions(outdir: string): BuildOptions;
