import type {Plugin} from 'esbuild';

export const inkInputFrames: Plugin;
export function patchInkApp(source: string): string;
export function patchInkInstance(source: string): string;
