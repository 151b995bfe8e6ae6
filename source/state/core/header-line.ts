// What the header line holds at a width (issue 14, item 13). The scope (--filter) and READ-ONLY are the
// safety cues on a shared host, so they are never dropped: the engine version goes first, then the counts
// shorten, the word "scope" goes, the endpoint is cut, the context goes, the endpoint goes and the counts go,
// before either is touched. With several engines, each engine's name and state stand where the endpoint was:
// the connected ones' names go first (the ENGINE column names them), then the words of the others (their
// banners say it), then the counts and the brand, then the others' names are cut; their glyphs stay.
import type {EngineInfo} from './app.js';
import type {EngineConnection, EngineEntry} from './engines.js';
import type {ContainerCounts} from '../containers/containers.js';
import {fit} from './format.js';

export type HeaderPart = {
	readonly kind: 'brand' | 'readOnly' | 'endpoint' | 'context' | 'version' | 'scope' | 'engine';
	readonly text: string;
	/** An engine's part (several engines): its key, its connection, and its state's text at the part's end. */
	readonly engine?: {readonly key: string; readonly connection: EngineConnection; readonly state: string};
};

export const connectionGlyphs: Readonly<Record<EngineConnection, string>> = {
	connected: '●',
	reconnecting: '◐',
	unreachable: '○',
};

/** An engine's name, glyph and, when it is not connected, the word for its state. */
function enginePart(entry: EngineEntry, index: number, shown: {name: boolean; word: boolean; nameWidth?: number}): HeaderPart {
	const word = shown.word && entry.connection !== 'connected' ? ` ${entry.connection}` : '';
	const state = `${connectionGlyphs[entry.connection]}${word}`;
	const cut = shown.nameWidth !== undefined && [...entry.name].length > shown.nameWidth;
	const name = shown.name ? `${cut ? fit(entry.name, shown.nameWidth!) : entry.name} ` : '';
	return {
		kind: 'engine',
		text: `${index > 0 ? (shown.name ? ' · ' : ' ') : ' '}${name}${state}`,
		engine: {key: entry.key, connection: entry.connection, state},
	};
}

export type HeaderLine = {
	readonly left: readonly HeaderPart[];
	/** The counts, at the right edge: in words, as bare marks and numbers when space is short, or '' (left out). */
	readonly counts: {readonly running: string; readonly paused: string; readonly stopped: string};
};

const length = (text: string) => [...text].length;

/** Fewest characters of the endpoint worth showing (`unix:///va…`); below that it goes. */
const endpointFloor = 10;

/** Fewest characters of a lost engine's name worth showing, before only its glyph is left. */
const engineNameFloor = 4;

export function headerLine(width: number, engine: EngineInfo, counts: ContainerCounts, readOnly: boolean): HeaderLine {
	let parts: HeaderPart[] = [
		{kind: 'brand', text: 'dockpit'},
		...(readOnly ? [{kind: 'readOnly', text: ' READ-ONLY'} as const] : []),
		...(engine.engines
			? engine.engines.map((entry, index) => enginePart(entry, index, {name: true, word: true}))
			: [
					{kind: 'endpoint', text: ` ${engine.endpoint}`} as const,
					...(engine.context ? [{kind: 'context', text: ` (context ${engine.context})`} as const] : []),
					...(engine.version ? [{kind: 'version', text: ` · Engine ${engine.version}`} as const] : []),
				]),
		...(engine.scope.length > 0 ? [{kind: 'scope', text: ` · scope ${engine.scope.join(' ')}`} as const] : []),
	];
	let shown = {
		running: `● ${counts.running} running`,
		paused: `◐ ${counts.paused} paused`,
		stopped: `○ ${counts.stopped} stopped`,
	};
	const countsWidth = () => (shown.running === '' ? 0 : 1 + length(`${shown.running} ${shown.paused} ${shown.stopped}`));
	const used = () => parts.reduce((sum, part) => sum + length(part.text), 0) + countsWidth();
	const drop = (kind: HeaderPart['kind']) => {
		if (used() > width) parts = parts.filter((part) => part.kind !== kind);
	};

	/** Cuts a part to what is left, not below `floor` characters; undefined when even that does not fit. */
	const cut = (kind: HeaderPart['kind'], floor: number): boolean => {
		const part = parts.find((candidate) => candidate.kind === kind);
		if (!part || used() <= width) return true;
		const room = length(part.text) - (used() - width);
		if (room < floor) return false;
		parts = parts.map((candidate) => (candidate === part ? {kind, text: fit(part.text, room)} : candidate));
		return true;
	};

	drop('version');
	if (used() > width) shown = {running: `●${counts.running}`, paused: `◐${counts.paused}`, stopped: `○${counts.stopped}`};
	// The scope keeps its colour without the word; the context names the engine, so it stays longer than both
	// the word and the whole endpoint.
	if (used() > width) {
		parts = parts.map((part) => (part.kind === 'scope' ? {kind: 'scope', text: ` ${engine.scope.join(' ')}`} : part));
	}

	/** Several engines: each one's part drawn again, keeping the place of the rest of the line. */
	const redraw = (shown: (entry: EngineEntry) => {name: boolean; word: boolean; nameWidth?: number}) => {
		if (!engine.engines || used() <= width) return;
		const entries = engine.engines;
		const first = parts.findIndex((part) => part.kind === 'engine');
		const rest = parts.filter((part) => part.kind !== 'engine');
		rest.splice(first, 0, ...entries.map((entry, index) => enginePart(entry, index, shown(entry))));
		parts = rest;
	};

	const connected = (entry: EngineEntry) => entry.connection === 'connected';
	redraw((entry) => ({name: !connected(entry), word: true}));
	redraw((entry) => ({name: !connected(entry), word: false}));
	const endpointFits = cut('endpoint', endpointFloor);
	// An endpoint too short to read says less than the context's name: it goes first.
	if (!endpointFits && parts.some((part) => part.kind === 'context')) drop('endpoint');
	drop('context');
	if (!endpointFits && !cut('endpoint', endpointFloor)) drop('endpoint');
	// The list shows the counts: they give way before the scope is cut.
	if (used() > width) shown = {running: '', paused: '', stopped: ''};
	drop('brand');
	// The names of engines that are not connected are cut last, down to a few letters each; then they go.
	const lost = engine.engines?.filter((entry) => !connected(entry)).length ?? 0;
	if (lost > 0 && used() > width) {
		const over = used() - width;
		const longest = Math.max(...engine.engines!.filter((entry) => !connected(entry)).map((entry) => length(entry.name)));
		const nameWidth = Math.max(engineNameFloor, longest - Math.ceil(over / lost));
		redraw((entry) => ({name: !connected(entry), word: false, nameWidth}));
		redraw(() => ({name: false, word: false}));
	}

	// Only a scope wider than the whole line is cut, and then at its end: its start is still there to read.
	cut('scope', 1);
	return {left: parts, counts: shown};
}
