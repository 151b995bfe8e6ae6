// The details panel's own state: which container, which tab, how far it is scrolled, and the raw-JSON
// and reveal-secrets toggles. The data itself streams into the tab that shows it.
import type {LineEditor} from '../core/line-editor.js';

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

export type DetailsView = {
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
};

export type DetailsAction =
	| {readonly kind: 'open'; readonly id: string; readonly name: string; readonly tab?: DetailsTab}
	| {readonly kind: 'tab'; readonly by: number}
	| {readonly kind: 'scroll'; readonly by: number}
	| {readonly kind: 'extent'; readonly maxOffset: number}
	| {readonly kind: 'toggleRaw'}
	| {readonly kind: 'toggleReveal'};

export function detailsReducer(view: DetailsView | undefined, action: DetailsAction): DetailsView | undefined {
	if (action.kind === 'open') {
		// The tab stays when another container is opened (issue 14, item 12); secrets are masked again.
		const tab = action.tab ?? view?.tab ?? 'inspect';
		return {id: action.id, name: action.name, tab, offset: 0, maxOffset: 0, raw: view?.raw ?? false, revealed: false};
	}

	if (!view) return view;
	switch (action.kind) {
		case 'tab': {
			const count = detailsTabs.length;
			const tab = detailsTabs[(detailsTabs.indexOf(view.tab) + action.by + count) % count]!;
			return {...view, tab, offset: 0, maxOffset: 0};
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
			return {...view, raw: !view.raw, offset: 0};
		case 'toggleReveal':
			return {...view, revealed: !view.revealed};
	}
}

/** The prompt that `X` opens: any command to run in the container. */
export type ExecDialog = {readonly kind: 'exec'; readonly id: string; readonly name: string; readonly editor: LineEditor};
