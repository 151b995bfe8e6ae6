// Keys for the logs pane: opening it from the containers list, its own keys while it has focus, and
// its prompts (search, save path, window). Returns undefined for keys it leaves to the general router.
import {selection, type AppState} from '../core/app.js';
import {copy, dispatch, say, type Effect} from '../input/effect.js';
import type {KeyMap} from '../input/keymap.js';
import {keyHint} from '../input/key-text.js';
import type {KeyPress} from '../input/keys.js';
import {lineWith} from '../core/line-editor.js';
import {logTargets, swarmTarget} from './log-targets.js';
import {isSwarmPane} from '../swarm/swarm.js';
import {targetName} from './log-prefix.js';
import {swarmLogTarget} from './swarm-log-lines.js';
import {groupOf} from '../containers/groups.js';
import {splitRowKey} from '../core/engines.js';
import {gapSeqs, logMatcher, searchMatches, searchPending} from './log-view.js';
import {parseWindow, windowText} from './log-window.js';
import type {LogsState} from './logs.js';

/** The pane's key that opens the logs: on the containers list, and on the services and tasks panes. */
function opens(state: AppState, key: KeyPress, keys: KeyMap): boolean {
	const {pane} = state.ui;
	if (pane === 'containers' || pane === 'services' || pane === 'tasks') return keys.lookup(pane, key.name) === 'logs';
	return false;
}

const nothingSelected = {containers: 'No container selected', services: 'No service selected', tasks: 'No task selected'};

function open(state: AppState): Effect[] {
	const targets = logTargets(state);
	const {pane} = state.ui;
	const swarm = pane === 'services' || pane === 'tasks';
	if (targets.length === 0 || (swarm && !swarmTarget(state))) return [say(nothingSelected[swarm ? pane : 'containers'], 'error')];
	// On a project's row, the pane follows that project (its project mode), whatever the list selects next.
	const group = state.ui.marked.length === 0 && !swarm ? selection(state).group : undefined;
	const engine = group?.members[0] && splitRowKey(group.members[0].id).engine;
	return [
		dispatch({type: 'logs/project', project: group?.name, engine}),
		dispatch({type: 'logs/targets', targets}),
		dispatch({type: 'ui/panel', panel: 'logs'}),
		dispatch({type: 'logs/focus', focused: true}),
	];
}

/** The next (newer) or previous (older) match from the current one, or from the screen when on none. */
function matchStep(logs: LogsState, direction: 1 | -1): number | undefined {
	const seqs = searchMatches(logs);
	if (seqs.length === 0) return undefined;
	if (direction > 0) {
		const from = logs.current ?? (logs.follow ? logs.buffer.end : logs.top - 1);
		return seqs.find((seq) => seq > from) ?? seqs[0];
	}

	const from = logs.current ?? (logs.follow ? logs.buffer.end : logs.top + logs.pageSize);
	for (let index = seqs.length - 1; index >= 0; index--) if (seqs[index]! < from) return seqs[index];
	return seqs.at(-1);
}

/** The lowest gap row on screen, or else the newest one above it (the oldest, if all are below). */
function gapToFetch(logs: LogsState): number | undefined {
	const seqs = gapSeqs(logs);
	const bottom = logs.follow ? logs.buffer.end : logs.top + logs.pageSize;
	for (let index = seqs.length - 1; index >= 0; index--) if (seqs[index]! < bottom) return seqs[index];
	return seqs[0];
}

function searchProblem(logs: LogsState, keys: KeyMap): string | undefined {
	const matcher = logMatcher(logs);
	if (!matcher) return `Nothing to search for: press ${keyHint(keys, 'logSearch', 'logs')} and type`;
	// RE2 still loading (the first regex search of a session, within milliseconds of the pane opening) is no fault.
	if (!matcher.ok && !matcher.pending) return matcher.error;
	return undefined;
}

function jumpTo(logs: LogsState, direction: 1 | -1, keys: KeyMap): Effect[] {
	const problem = searchProblem(logs, keys);
	if (problem) return [say(problem, 'error')];
	const matcher = logMatcher(logs);
	if (matcher && !matcher.ok) return [say(matcher.error, 'info')];
	const seq = matchStep(logs, direction);
	if (seq === undefined) {
		const pending = searchPending(logs);
		if (pending > 0) return [say(`Searching for "${logs.search}": ${pending} lines still to read`, 'info')];
		return [say(`No line matches "${logs.search}"`, 'error')];
	}

	return [dispatch({type: 'logs/jump', seq})];
}

/**
 * ./web-2026-11-23T18-09-37.log: the container (or project) and when, so saves never overwrite each other.
 * The time comes from the caller's clock (state/ reads none); without one the name has no stamp.
 */
function defaultSavePath(state: AppState, now: number | undefined): string {
	const first = state.logs.targets[0];
	const name = (state.logs.project ?? (first ? targetName(state, first) : undefined) ?? 'logs').replaceAll(/[^\w.-]/g, '_');
	if (now === undefined) return `./${name}.log`;
	const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
	return `./${name}-${stamp}.log`;
}

function promptKey(state: AppState, key: KeyPress, keys: KeyMap): Effect[] {
	const {logs} = state;
	const prompt = logs.prompt!;
	const command = keys.lookup('prompt', key.name);
	const close = dispatch({type: 'logs/prompt', prompt: undefined});
	if (command === 'back') return prompt.kind === 'search' ? [close, dispatch({type: 'logs/search', text: ''})] : [close];
	if (command === 'clearInput') return [dispatch({type: 'logs/promptEdit', key: {name: 'ctrl+u', text: ''}})];
	if (command !== 'submit') return [dispatch({type: 'logs/promptEdit', key})];
	const value = prompt.editor.value.trim();
	switch (prompt.kind) {
		case 'search':
			return value === '' ? [close] : [close, ...jumpTo(logs, -1, keys)];
		case 'save':
			return value === '' ? [say('Give a path to save to', 'error')] : [close, {type: 'saveLogs', path: value}];
		case 'window': {
			const window = parseWindow(value);
			if (!window) return [say(`"${value}" is not a window: type a number of lines (500), a duration (10m, 2h) or all`, 'error')];
			return [close, dispatch({type: 'logs/window', window})];
		}
	}
}

function toggleProject(state: AppState): Effect[] {
	if (state.logs.project !== undefined) {
		const {project: _, projectEngine: _engine, ...rest} = state.logs;
		return [
			dispatch({type: 'logs/project', project: undefined}),
			dispatch({type: 'logs/targets', targets: logTargets({...state, logs: rest})}),
		];
	}

	const first = state.logs.targets[0];
	if (first && swarmLogTarget(first))
		return [say(`The ${targetName(state, first)} is not a container: it has no compose project`, 'error')];
	const container = first ? state.containers.byId[first] : undefined;
	const project = container && groupOf(container)?.name;
	if (!container || project === undefined)
		return [say(`${container?.name ?? 'This container'} is not part of a compose project`, 'error')];
	// A project of that name on another engine is another project.
	const engine = splitRowKey(container.id).engine;
	const next = {...state, logs: {...state.logs, project, projectEngine: engine}};
	return [dispatch({type: 'logs/project', project, engine}), dispatch({type: 'logs/targets', targets: logTargets(next)})];
}

/** The line at the pane's cursor: the current match, else the newest line, or the top one when scrolled back. */
function copyLogLine(logs: LogsState): Effect[] {
	const seq = logs.current ?? (logs.follow ? logs.buffer.end - 1 : logs.top);
	const line = logs.buffer.at(seq);
	if (!line || line.gap || line.text === '') return [say('No log line to copy here', 'error')];
	return [copy(line.text, 'log line')];
}

export function routeLogsKey(state: AppState, key: KeyPress, keys: KeyMap, now?: number): Effect[] | undefined {
	const {logs, ui} = state;
	if (ui.filtering) return undefined;
	// A swarm pane's prompt or dialog has the keys while the pane is not focused (swarm-input.ts).
	const swarmBusy = isSwarmPane(ui.pane) && (state.swarm.dialog !== undefined || state.swarm.views[ui.pane].filtering);
	if (swarmBusy && !(ui.panel === 'logs' && logs.focused)) return undefined;
	if (ui.panel !== 'logs') return opens(state, key, keys) ? open(state) : undefined;
	if (logs.prompt) return promptKey(state, key, keys);
	if (!logs.focused) {
		if (opens(state, key, keys)) return open(state);
		if (keys.lookup('logs', key.name) === 'zoom') return [dispatch({type: 'ui/panel', panel: 'logs', zoomed: !ui.zoomed})];
		if (keys.lookup('global', key.name) === 'back' && ui.filter.value === '')
			return [dispatch({type: 'ui/panel', panel: 'none'})];
		return undefined;
	}

	const page = Math.max(1, logs.pageSize - 1);
	switch (keys.lookup('logs', key.name)) {
		case 'up':
			return [dispatch({type: 'logs/scroll', by: -1})];
		case 'down':
			return [dispatch({type: 'logs/scroll', by: 1})];
		case 'pageUp':
			return [dispatch({type: 'logs/scroll', by: -page})];
		case 'pageDown':
			return [dispatch({type: 'logs/scroll', by: page})];
		case 'top':
			return [dispatch({type: 'logs/scroll', by: -Number.MAX_SAFE_INTEGER})];
		case 'bottom':
			return [dispatch({type: 'logs/follow'})];
		case 'logSearch':
			return [dispatch({type: 'logs/prompt', prompt: {kind: 'search', editor: lineWith(logs.search)}})];
		case 'nextMatch':
			return jumpTo(logs, 1, keys);
		case 'prevMatch':
			return jumpTo(logs, -1, keys);
		case 'logFilter': {
			const problem = logs.filterMode ? undefined : searchProblem(logs, keys);
			return [dispatch({type: 'logs/toggle', option: 'filterMode'}), ...(problem ? [say(problem, 'error')] : [])];
		}

		case 'logRegex': {
			const problem = searchProblem({...logs, regex: !logs.regex}, keys);
			const error = logs.search !== '' && problem ? [say(problem, 'error')] : [];
			return [dispatch({type: 'logs/toggle', option: 'regex'}), ...error];
		}

		case 'logTimestamps':
			return [dispatch({type: 'logs/toggle', option: 'timestamps'})];
		case 'logWrap':
			return [dispatch({type: 'logs/toggle', option: 'wrap'})];
		case 'logColours':
			return [dispatch({type: 'logs/toggle', option: 'colours'})];
		case 'logClear':
			return [dispatch({type: 'logs/clear'})];
		case 'logSave':
			return [dispatch({type: 'logs/prompt', prompt: {kind: 'save', editor: lineWith(defaultSavePath(state, now))}})];
		case 'logWindow':
			return [dispatch({type: 'logs/prompt', prompt: {kind: 'window', editor: lineWith(windowText(logs.window))}})];
		case 'logProject':
			return toggleProject(state);
		case 'logFetch': {
			const seq = gapToFetch(logs);
			return seq === undefined
				? [say('No gap row to fetch: the pane holds every line it was sent')]
				: [{type: 'fetchLogGap', seq}];
		}

		case 'yank':
			return copyLogLine(logs);
		case 'zoom':
			return [dispatch({type: 'ui/panel', panel: 'logs', zoomed: !ui.zoomed})];
		case 'back':
			return [dispatch({type: 'logs/focus', focused: false}), dispatch({type: 'ui/panel', panel: 'logs', zoomed: false})];
		default:
			return undefined;
	}
}
