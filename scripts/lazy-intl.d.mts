import type {Plugin} from 'esbuild';

export const lazyIntl: Plugin;
export function patchSliceAnsiTokenizer(source: string): string;
