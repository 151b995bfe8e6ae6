// Keys for what happens inside a container: opening the details panel and moving through its tabs,
// exec (a shell or a typed command) and attach. input.ts asks here before its own tables.
import {selection, type AppState} from '../core/app.js';
import {cursorLine, searchableTabs, type DetailsAction, type DetailsView, type ExecDialog} from './details.js';
import {detailsMatches} from './details-search.js';
import type {ExecRequest, ExecResultDialog} from './exec.js';
import {copy, dispatch, say, type Effect} from '../input/effect.js';
import type {Command, KeyMap} from '../input/keymap.js';
import {keyHint} from '../input/key-text.js';
import type {KeyPress} from '../input/keys.js';

const details = (action: DetailsAction): Effect => dispatch({type: 'ui/details', action});

/** Lines each list movement scrolls. */
const scrollBy: Partial<Record<Command, number>> = {up: -1, down: 1, pageUp: -10, pageDown: 10, top: -1e9, bottom: 1e9};

/** Keys while the details panel is open; undefined lets the rest of the router have the key. */
export function routeDetailsKey(state: AppState, key: KeyPress, keys: KeyMap): Effect[] | undefined {
	const view = state.ui.details;
	if (state.ui.panel !== 'details' || !view) return undefined;
	if (view.search.editor) return searchPromptKey(view, key, keys);
	const command = keys.lookup('details', key.name);
	switch (command) {
		case 'detailsSearch':
			// The table tabs (ports, mounts, stats) have no text to search: there the key filters the list.
			return view.subject !== 'container' || searchableTabs.has(view.tab) ? [details({kind: 'searchStart'})] : undefined;
		case 'nextMatch':
			return matchStep(view, 1, keys);
		case 'prevMatch':
			return matchStep(view, -1, keys);
		case 'yank':
			return copyLine(view);
		case 'nextTab':
			return [details({kind: 'tab', by: 1})];
		case 'previousTab':
			return [details({kind: 'tab', by: -1})];
		case 'closeDetails':
			return [dispatch({type: 'ui/panel', panel: 'none'})];
		case 'zoom':
			return [dispatch({type: 'ui/panel', panel: 'details', zoomed: !state.ui.zoomed})];
		case 'rawJson':
			return view.tab === 'inspect' ? [details({kind: 'toggleRaw'})] : [];
		case 'reveal':
			return view.tab === 'env' || view.tab === 'inspect' ? [details({kind: 'toggleReveal'})] : [];
		default:
			break;
	}

	// The open panel has the focus: list movement scrolls it, and the selection stays on its container.
	const by = scrollBy[keys.lookup('list', key.name) ?? 'help'];
	return by === undefined ? undefined : [details({kind: 'scroll', by})];
}

/** Keys while the search prompt is open: the query is matched as it is typed. */
function searchPromptKey(view: DetailsView, key: KeyPress, keys: KeyMap): Effect[] {
	const command = keys.lookup('prompt', key.name);
	if (command === 'back') return [details({kind: 'searchClear'})];
	if (command === 'submit') {
		const {query, current} = view.search;
		const missing = query.trim() !== '' && current === undefined ? [say(noMatch(view))] : [];
		return [details({kind: 'searchDone'}), ...missing];
	}

	if (command === 'clearInput') return [details({kind: 'searchEdit', key: {name: 'ctrl+u', text: ''}})];
	return [details({kind: 'searchEdit', key})];
}

function noMatch(view: DetailsView): string {
	const {error} = detailsMatches(view.lines, view.search.query);
	return error ?? `No line matches "${view.search.query}"`;
}

function matchStep(view: DetailsView, by: 1 | -1, keys: KeyMap): Effect[] {
	if (view.search.query === '')
		return [say(`Nothing to search for: press ${keyHint(keys, 'detailsSearch', 'details')} and type`)];
	if (detailsMatches(view.lines, view.search.query).lines.length === 0) return [say(noMatch(view), 'error')];
	return [details({kind: 'searchStep', by})];
}

/** The line at the panel's cursor (the current match, else the top line): its value if it names one. */
function copyLine(view: DetailsView): Effect[] {
	const line = view.lines[cursorLine(view)];
	const text = line?.copy?.text ?? line?.text.trim() ?? '';
	if (text === '' || text === '—') return [say('Nothing to copy on this line', 'error')];
	return [copy(text, line?.copy?.what ?? 'the line')];
}

function exec(request: ExecRequest): Effect {
	return {type: 'exec', request};
}

/** Containers-pane commands of this module: details, exec, execCommand, attach, and copying a name or id. */
export function insideCommand(state: AppState, command: Command): Effect[] | undefined {
	const inside: readonly Command[] = ['details', 'exec', 'execCommand', 'attach', 'yank', 'yankId'];
	if (!inside.includes(command)) return undefined;
	const {container} = selection(state);
	if (!container) return [say('No container selected', 'error')];
	const {id, name} = container;
	if (command === 'yank') return [copy(name, 'name')];
	if (command === 'yankId') return [copy(id, `id of ${name}`)];
	if (command === 'details') {
		return [details({kind: 'open', id, name}), dispatch({type: 'ui/panel', panel: 'details'})];
	}

	if (container.state !== 'running') {
		const why = container.state === 'paused' ? 'is paused' : 'is not running';
		return [say(`${name} ${why}: ${command === 'attach' ? 'attach' : 'exec'} needs a running container`, 'error')];
	}

	if (command === 'exec') return [exec({kind: 'shell', id, name})];
	if (command === 'attach') return [exec({kind: 'attach', id, name})];
	return [dispatch({type: 'ui/openDialog', dialog: {kind: 'exec', id, name, editor: {value: '', cursor: 0}}})];
}

/** Keys while the exec prompt is open. */
export function routeExecPrompt(dialog: ExecDialog, key: KeyPress, keys: KeyMap): Effect[] {
	const command = keys.lookup('prompt', key.name);
	if (command === 'back') return [dispatch({type: 'ui/closeDialog'}), say('Exec cancelled')];
	if (command === 'clearInput') return [dispatch({type: 'ui/execEdit', key: {name: 'ctrl+u', text: ''}})];
	if (command === 'submit') {
		const text = dialog.editor.value.trim();
		if (!text) return [say(`Type a command to run, or ${keyHint(keys, 'back', 'prompt')} to cancel`, 'error')];
		return [dispatch({type: 'ui/closeDialog'}), exec({kind: 'command', id: dialog.id, name: dialog.name, command: text})];
	}

	return [dispatch({type: 'ui/execEdit', key})];
}

/** Keys while a typed command's result panel is open: list movement scrolls it, the result's keys close it. */
export function routeExecResult(dialog: ExecResultDialog, key: KeyPress, keys: KeyMap, pageSize: number): Effect[] {
	const command = keys.lookup('result', key.name);
	if (command === 'close') return [dispatch({type: 'ui/closeDialog'})];
	if (keys.lookup('global', key.name) === 'quit') return [{type: 'quit'}];
	if (command === 'reveal') {
		return [dispatch({type: 'ui/openDialog', dialog: {...dialog, revealed: !dialog.revealed}})];
	}

	const page = Math.max(1, pageSize - 1);
	const steps: Partial<Record<Command, number>> = {up: -1, down: 1, pageUp: -page, pageDown: page, top: -1e9, bottom: 1e9};
	const by = steps[keys.lookup('list', key.name) ?? 'help'];
	if (by === undefined) return [];
	const offset = Math.max(0, Math.min(Math.max(0, dialog.lines.length - 1), dialog.offset + by));
	return offset === dialog.offset ? [] : [dispatch({type: 'ui/openDialog', dialog: {...dialog, offset}})];
}
