// What the header line holds at a width (issue 14, item 13). The scope (--filter) and READ-ONLY are the
// safety cues on a shared host, so they are never dropped: the engine version goes first, then the counts
// shorten, the word "scope" goes, the endpoint is cut, the context goes, the endpoint goes and the counts go,
// before either is touched.
import type {EngineInfo} from './app.js';
import type {ContainerCounts} from '../containers/containers.js';
import {fit} from './format.js';

export type HeaderPart = {
	readonly kind: 'brand' | 'readOnly' | 'endpoint' | 'context' | 'version' | 'scope';
	readonly text: string;
};

export type HeaderLine = {
	readonly left: readonly HeaderPart[];
	/** The counts, at the right edge: in words, as bare marks and numbers when space is short, or '' (left out). */
	readonly counts: {readonly running: string; readonly paused: string; readonly stopped: string};
};

const length = (text: string) => [...text].length;

/** Fewest characters of the endpoint worth showing (`unix:///va…`); below that it goes. */
const endpointFloor = 10;

export function headerLine(width: number, engine: EngineInfo, counts: ContainerCounts, readOnly: boolean): HeaderLine {
	let parts: HeaderPart[] = [
		{kind: 'brand', text: 'dockpit'},
		...(readOnly ? [{kind: 'readOnly', text: ' READ-ONLY'} as const] : []),
		{kind: 'endpoint', text: ` ${engine.endpoint}`},
		...(engine.context ? [{kind: 'context', text: ` (context ${engine.context})`} as const] : []),
		...(engine.version ? [{kind: 'version', text: ` · Engine ${engine.version}`} as const] : []),
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

	const endpointFits = cut('endpoint', endpointFloor);
	// An endpoint too short to read says less than the context's name: it goes first.
	if (!endpointFits && parts.some((part) => part.kind === 'context')) drop('endpoint');
	drop('context');
	if (!endpointFits && !cut('endpoint', endpointFloor)) drop('endpoint');
	// The list shows the counts: they give way before the scope is cut.
	if (used() > width) shown = {running: '', paused: '', stopped: ''};
	drop('brand');
	// Only a scope wider than the whole line is cut, and then at its end: its start is still there to read.
	cut('scope', 1);
	return {left: parts, counts: shown};
}
