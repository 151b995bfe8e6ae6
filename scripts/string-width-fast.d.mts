import type {Plugin} from 'esbuild';

export const stringWidthFast: Plugin;
export function patchStringWidth(source: string): string;
