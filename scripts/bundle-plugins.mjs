// The esbuild plugins every shipped bundle is built with (dist/ by build.mjs, the single executable by
// build-sea.mjs), in one list so the two cannot drift apart. Each says in its own file what it changes.
import {inkInputFrames} from './ink-input-frames.mjs';
import {inkOutputCache} from './ink-output-cache.mjs';
import {lazyIntl} from './lazy-intl.mjs';
import {lazyMeowNormalize} from './lazy-meow-normalize.mjs';
import {lazyRequires} from './lazy-requires.mjs';
import {stringWidthFast} from './string-width-fast.mjs';

export const bundlePlugins = [lazyRequires, lazyMeowNormalize, stringWidthFast, inkOutputCache, inkInputFrames, lazyIntl];
