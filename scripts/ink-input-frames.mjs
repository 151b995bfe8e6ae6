// Ink draws at most one frame per 1000/maxFps ms: a render asked for sooner waits for the throttle's
// trailing edge. That suits frames the engine causes (a log flood, stats samples), but a key pressed just
// after such a frame waited up to 33 ms before its own frame was drawn, and keys pressed back to back
// waited a whole window every other press (the window restarts at each call): `j` on 100 containers took
// 7-10 ms and 40-46 ms in turn. This esbuild plugin changes Ink as it is bundled so that the frame a key
// causes is drawn at once:
//  - App.js: reading standard input (the 'readable' handler, which emits every key it holds) marks a key
//    turn. React renders what the keys changed in a microtask after the handler, so the turn stays open
//    until the next render is asked for;
//  - ink.js: that render starts the throttle afresh: a throttled frame still pending is dropped (this frame
//    shows the same state and more) and the render is drawn at once, as the leading edge of a new window.
//    One frame per read, however many keys it held: a paste is one frame, not one per character. Every
//    other render is throttled as before, the next one too.
// Each replaced text must be found exactly once: an Ink upgrade that changes them fails the build loudly.
// test/unit/ink-input-frames.test.ts bundles Ink with and without the plugin and presses keys.
import {readFile} from 'node:fs/promises';
import {replaceOnce} from './ink-output-cache.mjs';

/** Shared by the two patched files: a key has arrived and its frame is not drawn yet. */
const keyTurnModule = 'export const keyTurn = {pending: false};\n';

const appReplacements = [
	{
		what: 'the key turn module imported',
		from: "import { createInputParser } from '../input-parser.js';",
		to: "import { createInputParser } from '../input-parser.js';\nimport { keyTurn as dockpitKeyTurn } from 'dockpit-key-turn';",
	},
	{
		what: 'reading standard input starts a key turn',
		from: `    const handleReadable = useCallback(() => {
        clearPendingInputFlush();`,
		to: `    const handleReadable = useCallback(() => {
        dockpitKeyTurn.pending = true;
        clearPendingInputFlush();`,
	},
];

const inkReplacements = [
	{
		what: 'the key turn module imported',
		from: "import App from './components/App.js';",
		to: "import App from './components/App.js';\nimport { keyTurn as dockpitKeyTurn } from 'dockpit-key-turn';",
	},
	{
		what: 'the first render after a key drawn at once',
		from: `            this.rootNode.onRender = () => {
                this.hasPendingThrottledRender = true;
                throttled();
            };`,
		to: `            this.rootNode.onRender = () => {
                this.hasPendingThrottledRender = true;
                if (dockpitKeyTurn.pending) {
                    dockpitKeyTurn.pending = false;
                    throttled.cancel();
                }
                throttled();
            };`,
	},
];

export const patchInkApp = (source) => replaceOnce(source, appReplacements, "Ink's components/App.js");
export const patchInkInstance = (source) => replaceOnce(source, inkReplacements, "Ink's ink.js");

/** @type {import('esbuild').Plugin} */
export const inkInputFrames = {
	name: 'ink-input-frames',
	setup(build) {
		build.onResolve({filter: /^dockpit-key-turn$/}, () => ({path: 'key-turn', namespace: 'dockpit-key-turn'}));
		build.onLoad({filter: /.*/, namespace: 'dockpit-key-turn'}, () => ({contents: keyTurnModule, loader: 'js'}));
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]components[/\\]App\.js$/}, async (args) => ({
			contents: patchInkApp(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]ink\.js$/}, async (args) => ({
			contents: patchInkInstance(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
