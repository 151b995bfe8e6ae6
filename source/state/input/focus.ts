// Which part of the screen has the keys, and so which bindings the footer offers: one answer for the
// footer, the pane titles, the help overlay and the key router to agree on (issue 14, item 9).
import {appReducer, type AppAction, type AppState} from '../core/app.js';
import {uiReducer, type UiAction} from '../core/ui.js';
import type {Dialog} from '../core/ui.js';
import {focusedField} from '../make/form.js';
import {routeKey} from './input.js';
import type {Binding, Command, KeyMap, Scope} from './keymap.js';
import {isSwarmPane} from '../swarm/swarm.js';

/** What has the focus, as the key table sees it. */
export type Focus = {
	/** The focused element's own scope: its keys come first, and a dialog's are all offered. */
	readonly scope: Scope;
	/** Further scopes whose keys also act there (list movement, quit…), in the order they give way. */
	readonly also: readonly Scope[];
	/** A dialog or a prompt: every key of its own scope may be offered, not only the footer-flagged ones. */
	readonly modal: boolean;
	/** Only these commands of the `also` scopes are offered (a panel offers help and quit); all when absent. */
	readonly lent?: readonly Command[];
	/** Commands of its scope that mean nothing in this state, such as "switch" on a form's text field. */
	readonly idle?: readonly Command[];
};

const modal = (scope: Scope, ...also: Scope[]): Focus => ({scope, also, modal: true});
const pane = (scope: Scope, ...also: Scope[]): Focus => ({scope, also, modal: false});
/** A panel over the list: its own keys, and of the rest only help and quit. */
const panel = (scope: Scope): Focus => ({scope, also: ['global'], modal: false, lent: ['help', 'quit']});

/**
 * Every dialog's focus. Keyed by the dialog kinds of ui.ts, so a new kind does not compile until it says
 * which keys its footer offers, and the footer walk (test/component/FooterWalk.test.tsx) checks them all.
 */
const dialogFocus: {readonly [K in Dialog['kind']]: (dialog: Extract<Dialog, {kind: K}>) => Focus} = {
	help: () => modal('help', 'list', 'global'),
	confirm: () => modal('confirm'),
	form: (dialog) => ({...modal('form'), idle: focusedField(dialog)?.kind === 'text' ? ['toggleField'] : []}),
	buildLog: () => modal('result'),
	rename: () => modal('prompt'),
	exec: () => modal('prompt'),
	execResult: () => modal('result', 'list', 'global'),
	contexts: () => modal('contexts', 'list', 'global'),
	bulkConfirm: () => modal('confirm'),
	bulkResult: () => modal('result'),
	removeResource: () => modal('confirm'),
	prune: (dialog) => (dialog.phase === 'done' ? modal('result') : modal('prune')),
};

/** The dialog kinds there are, for tests that must visit every one. */
export const dialogKinds = Object.keys(dialogFocus) as ReadonlyArray<Dialog['kind']>;

function focusOfDialog<K extends Dialog['kind']>(dialog: Extract<Dialog, {kind: K}>): Focus {
	return (dialogFocus[dialog.kind as K] as (dialog: Extract<Dialog, {kind: K}>) => Focus)(dialog);
}

/** What has the keys now: a dialog, a prompt, the open panel, or the list under them, innermost first. */
export function focusOf(state: AppState): Focus {
	const {dialog, panel: open, pane: shown} = state.ui;
	if (dialog) return focusOfDialog(dialog);
	if (isSwarmPane(shown)) {
		// The swarm panes' own dialogs (swarm/swarm-input.ts): the scale prompt, and the confirmations.
		const {dialog: swarmDialog, views} = state.swarm;
		if (swarmDialog) return swarmDialog.kind === 'scale' ? modal('prompt') : modal('confirm');
		if (views[shown].filtering) return modal('prompt');
	}

	const listFilter =
		shown === 'containers'
			? state.ui.filtering
			: shown === 'events'
				? state.events.filtering
				: isSwarmPane(shown)
					? false
					: state.resources.views[shown].filtering;
	if (listFilter) return modal('prompt');
	if (open === 'logs' && state.logs.prompt) return modal('prompt');
	if (open === 'details' && state.ui.details?.search.editor) return modal('prompt');
	if (open === 'details') return panel('details');
	if (open === 'logs' && state.logs.focused) return panel('logs');
	if (shown === 'containers') return pane('containers', 'list', 'global');
	if (shown === 'events') return pane('events', 'list', 'global');
	if (isSwarmPane(shown)) return pane(shown, 'list', 'global');
	return pane('resources', 'list', 'global');
}

/** The scopes whose keys act now, the focused element's own first. */
export const focusScopes = (state: AppState): readonly Scope[] => {
	const {scope, also} = focusOf(state);
	return [scope, ...also];
};

/** The scope whose keys act now. */
export const focusScope = (state: AppState): Scope => focusOf(state).scope;

/** The press a key name stands for, as the terminal would send it. */
const pressOf = (key: string) => ({name: key, text: key === 'space' ? ' ' : [...key].length === 1 ? key : ''});

/** Structural equality that trusts shared references, so it only walks what an action copied. */
function same(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	return keysA.every(
		(key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
	);
}

/**
 * The app's reducer, but for a UI action only the UI's: what appReducer adds after one (the selection
 * following the list's order) cannot make a no-op a change, and would sort the whole list again for every
 * probe of a sort key, on every frame.
 */
const reduce = (state: AppState, action: AppAction): AppState =>
	action.type.startsWith('ui/') ? {...state, ui: uiReducer(state.ui, action as UiAction)} : appReducer(state, action);

/**
 * Whether pressing the key changes anything: work for the session (an engine call, a dialog it opens), a
 * message, or a state that differs from this one. A move past the end, clearing an empty line or following
 * logs already followed do nothing.
 */
export function keyActs(state: AppState, key: string, keys: KeyMap): boolean {
	let next = state;
	for (const effect of routeKey(state, pressOf(key), keys)) {
		if (effect.type !== 'dispatch') return true;
		next = reduce(next, effect.action);
	}

	return !same(next, state);
}

/**
 * The footer: the focused element's bindings from the key table (its own scope first, then the scopes it
 * lets through), each under the key that reaches it there, and only those the router acts on in this
 * state. A key that does nothing here (force where nothing can be forced, a details key on the list) is
 * left out, so the footer cannot offer what the keys do not do. In read-only mode the key map holds no
 * changing binding, so none is offered (as in help).
 */
export function footerBindings(state: AppState, keys: KeyMap): readonly Binding[] {
	const focus = focusOf(state);
	const scopes = [focus.scope, ...focus.also];
	// A key belongs to the first scope of the focus that binds it: Tab is "next tab" in details, not "pane".
	const owner = new Map<string, Binding>();
	for (const scope of scopes) {
		for (const binding of keys.bindings) {
			if (binding.scope !== scope) continue;
			for (const key of binding.keys) if (!owner.has(key)) owner.set(key, binding);
		}
	}

	// A key armed by an ambiguous press would answer any key, and a message already shown would hide the same
	// message again: the footer asks what each key does by itself.
	const probe: AppState = {...state, ui: {...state.ui, armedKey: undefined, status: undefined}};
	const shown: Binding[] = [];
	for (const binding of keys.bindings) {
		if (!scopes.includes(binding.scope) || focus.idle?.includes(binding.command)) continue;
		if (binding.scope !== focus.scope && focus.lent && !focus.lent.includes(binding.command)) continue;
		if (!binding.footer && !(focus.modal && binding.scope === focus.scope)) continue;
		const key = binding.keys.find((name) => owner.get(name) === binding);
		if (key === undefined || !keyActs(probe, key, keys)) continue;
		shown.push(key === binding.keys[0] ? binding : {...binding, keys: [key, ...binding.keys.filter((name) => name !== key)]});
	}

	return shown;
}
