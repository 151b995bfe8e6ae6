import type {Plugin} from 'esbuild';

export const bundlePlugins: Plugin[];
