import type {Plugin} from 'esbuild';

export const inkOutputCache: Plugin;
export function patchInkOutput(source: string): string;
export function patchStyledChars(source: string): string;
export function patchRenderNode(source: string): string;
export function patchMeasureText(source: string): string;
export function patchSanitizeAnsi(source: string): string;
export function patchTokenize(source: string): string;
export function replaceOnce(source: string, list: ReadonlyArray<{what: string; from: string; to: string}>, file: string): string;
