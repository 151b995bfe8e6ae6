// The details panel's own state: which container (or image, volume, network), which tab, how far it is
// scrolled, the raw-JSON and reveal-secrets toggles, and the search over its text. The data itself streams
// into the tab that shows it, which reports the lines it shows back here (for search and copy).
import {editLine, lineWith, type LineEditor} from '../core/line-editor.js';
import type {KeyPress} from '../input/keys.js';
import type {InfoLine} from './container-info.js';
import {detailsMatches, stepMatch} from './details-search.js';
import type {ResourceKind} from './resource-info.js';

export const detailsTabs = ['inspect', 'env', 'ports', 'mounts', 'top', 'stats', 'diff'] as const;

export type DetailsTab = (typeof detailsTabs)[number];

export const tabTitles: Readonly<Record<DetailsTab, string>> = {
	inspect: 'Inspect',
	env: 'Env',
	ports: 'Ports',
	mounts: 'Mounts',
	top: 'Top',
	stats: 'Stats',
	diff: 'Diff',
};

/** What the panel is about: a container (its seven tabs), or an image, a volume or a network (one view). */
export type DetailsSubject = 'container' | ResourceKind;

/** Tabs where `/` searches: the ones drawn as lines of text. */
export const searchableTabs: ReadonlySet<DetailsTab> = new Set(['inspect', 'env', 'top', 'diff']);

export type DetailsSearch = {
	readonly query: string;
	/** The prompt, while the query is being typed. */
	readonly editor?: LineEditor;
	/** The line of the current match. */
	readonly current?: number;
};

export type DetailsView = {
	readonly subject: DetailsSubject;
	/** A container's or network's id, an image's id, a volume's name. */
	readonly id: string;
	readonly name: string;
	readonly tab: DetailsTab;
	/** First line shown. */
	readonly offset: number;
	/** The most the current tab can scroll, reported by the tab once it knows its length. */
	readonly maxOffset: number;
	/** Inspect shows the engine's JSON as it is. */
	readonly raw: boolean;
	/** Env shows secret-looking values. Off again for every container opened. */
	readonly revealed: boolean;
	/** The lines the panel shows now, as it reported them (empty for a table tab). */
	readonly lines: readonly InfoLine[];
	readonly search: DetailsSearch;
};

export type DetailsAction =
	| {
			readonly kind: 'open';
			readonly id: string;
			readonly name: string;
			readonly tab?: DetailsTab;
			readonly subject?: DetailsSubject;
	  }
	| {readonly kind: 'lines'; readonly lines: readonly InfoLine[]}
	| {readonly kind: 'searchStart'}
	| {readonly kind: 'searchEdit'; readonly key: KeyPress}
	| {readonly kind: 'searchDone'}
	| {readonly kind: 'searchClear'}
	| {readonly kind: 'searchStep'; readonly by: 1 | -1}
	| {readonly kind: 'tab'; readonly by: number}
	| {readonly kind: 'scroll'; readonly by: number}
	| {readonly kind: 'extent'; readonly maxOffset: number}
	| {readonly kind: 'toggleRaw'}
	| {readonly kind: 'toggleReveal'};

export function detailsReducer(view: DetailsView | undefined, action: DetailsAction): DetailsView | undefined {
	if (action.kind === 'open') {
		// The tab stays when another container is opened (issue 14, item 12); secrets are masked again.
		const subject = action.subject ?? 'container';
		const tab = subject === 'container' ? (action.tab ?? (view?.subject === 'container' ? view.tab : 'inspect')) : 'inspect';
		return {
			subject,
			id: action.id,
			name: action.name,
			tab,
			offset: 0,
			maxOffset: 0,
			raw: view?.raw ?? false,
			revealed: false,
			lines: [],
			// A search belongs to what it searched: another container, image… starts without one.
			search: {query: view && view.id === action.id ? view.search.query : ''},
		};
	}

	if (!view) return view;
	switch (action.kind) {
		case 'tab': {
			// An image, volume or network has one view.
			if (view.subject !== 'container') return view;
			const count = detailsTabs.length;
			const tab = detailsTabs[(detailsTabs.indexOf(view.tab) + action.by + count) % count]!;
			return {...view, tab, offset: 0, maxOffset: 0, search: {query: view.search.query}};
		}

		case 'scroll': {
			const offset = Math.max(0, Math.min(view.maxOffset, view.offset + action.by));
			return offset === view.offset ? view : {...view, offset};
		}

		case 'extent': {
			const maxOffset = Math.max(0, action.maxOffset);
			if (maxOffset === view.maxOffset && view.offset <= maxOffset) return view;
			return {...view, maxOffset, offset: Math.min(view.offset, maxOffset)};
		}

		case 'toggleRaw':
			return {...view, raw: !view.raw, offset: 0, search: {...view.search, current: undefined}};
		case 'toggleReveal':
			return {...view, revealed: !view.revealed};
		case 'lines': {
			if (action.lines === view.lines) return view;
			const {current} = view.search;
			const still = current !== undefined && detailsMatches(action.lines, view.search.query).ranges.has(current);
			return {...view, lines: action.lines, search: still ? view.search : {...view.search, current: undefined}};
		}

		case 'searchStart':
			return {...view, search: {...view.search, editor: lineWith(view.search.query)}};
		case 'searchEdit': {
			const editor = view.search.editor && editLine(view.search.editor, action.key);
			if (!editor) return view;
			// As you type, the first match from the top of the screen down becomes the current one.
			return showMatch({...view, search: {query: editor.value, editor}}, view.offset - 1, 1);
		}

		case 'searchDone':
			return view.search.query.trim() === ''
				? {...view, search: {query: ''}}
				: {...view, search: {...view.search, editor: undefined}};
		case 'searchClear':
			return {...view, search: {query: ''}};
		case 'searchStep':
			return showMatch(view, view.search.current ?? (action.by > 0 ? view.offset - 1 : view.offset), action.by);
	}
}

/** Lines kept above a match jumped to, so it is read in its context. */
const context = 2;

/** Makes the match after (or before) line `from` the current one, scrolled into view; none leaves no current. */
function showMatch(view: DetailsView, from: number, by: 1 | -1): DetailsView {
	const line = stepMatch(detailsMatches(view.lines, view.search.query).lines, from, by);
	if (line === undefined) return {...view, search: {...view.search, current: undefined}};
	const offset = Math.max(0, Math.min(view.maxOffset, line - context));
	return {...view, offset, search: {...view.search, current: line}};
}

/** The line the copy key takes: the current match, else the first line shown. */
export const cursorLine = (view: DetailsView): number => view.search.current ?? view.offset;

/** The prompt that `X` opens: any command to run in the container. */
export type ExecDialog = {readonly kind: 'exec'; readonly id: string; readonly name: string; readonly editor: LineEditor};
