// The logs pane's state: which containers it follows, the bounded line buffer, and how the person is
// viewing it (following or paused, search and filter, toggles, prompts).
import {editLine} from '../core/line-editor.js';
import type {KeyPress} from '../input/keys.js';
import {advanceMark, type LineMark, type LogLine} from './log-lines.js';
import {logView} from './log-view.js';
import {RingBuffer} from '../core/ring-buffer.js';

export {defaultLogLines} from './log-types.js';
export type {LogPrompt, LogsState, LogToggle, LogWindow, StreamStatus} from './log-types.js';
import {defaultLogLines, type LogPrompt, type LogsState, type LogToggle, type LogWindow, type StreamStatus} from './log-types.js';

export type LogsAction =
	| {readonly type: 'logs/configure'; readonly cap: number}
	| {readonly type: 'logs/targets'; readonly targets: readonly string[]}
	| {readonly type: 'logs/project'; readonly project: string | undefined; readonly engine?: string}
	| {readonly type: 'logs/focus'; readonly focused: boolean}
	| {readonly type: 'logs/append'; readonly lines: readonly LogLine[]}
	/** The lines fetched for the gap row at `seq` (with a smaller gap row among them if not all fitted). */
	| {readonly type: 'logs/fill'; readonly seq: number; readonly gap: LogLine; readonly lines: readonly LogLine[]}
	/** `since`: when a stream that delivered nothing stopped, so the next run is read from then, not by the window. */
	| {readonly type: 'logs/stream'; readonly id: string; readonly status: StreamStatus; readonly since?: string}
	| {readonly type: 'logs/scroll'; readonly by: number}
	| {readonly type: 'logs/jump'; readonly seq: number}
	| {readonly type: 'logs/follow'}
	| {readonly type: 'logs/toggle'; readonly option: LogToggle}
	| {readonly type: 'logs/clear'}
	| {readonly type: 'logs/window'; readonly window: LogWindow}
	| {readonly type: 'logs/prompt'; readonly prompt: LogPrompt | undefined}
	| {readonly type: 'logs/promptEdit'; readonly key: KeyPress}
	| {readonly type: 'logs/search'; readonly text: string}
	/** The search goes on through the lines it has not tested yet (one bounded step). */
	| {readonly type: 'logs/searchStep'}
	| {readonly type: 'logs/viewport'; readonly pageSize: number};

export function initialLogs(cap = defaultLogLines): LogsState {
	return {
		targets: [],
		generation: 0,
		cap,
		buffer: new RingBuffer<LogLine>(cap),
		revision: 0,
		searchTick: 0,
		last: {},
		streams: {},
		window: {kind: 'tail', lines: Math.min(cap, 1000)},
		follow: true,
		top: 0,
		newWhilePaused: 0,
		search: '',
		regex: false,
		filterMode: false,
		timestamps: false,
		wrap: false,
		colours: true,
		focused: false,
		pageSize: 10,
	};
}

/** A fresh buffer, as when the pane starts following other containers or another window. */
function restart(state: LogsState, changes: Partial<LogsState>): LogsState {
	return {
		...state,
		...changes,
		generation: state.generation + 1,
		buffer: new RingBuffer<LogLine>(changes.cap ?? state.cap),
		revision: state.revision + 1,
		last: {},
		streams: {},
		follow: true,
		newWhilePaused: 0,
		current: undefined,
	};
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function scroll(state: LogsState, by: number): LogsState {
	const view = logView(state);
	const bottom = Math.max(0, view.length - state.pageSize);
	const from = state.follow ? bottom : Math.min(bottom, view.indexAtOrAfter(state.top));
	const to = Math.max(0, Math.min(bottom, from + by));
	// Reaching the bottom by scrolling down resumes following, like End.
	if (by > 0 && to >= bottom) return {...state, follow: true, newWhilePaused: 0};
	if (to === from && !state.follow) return state;
	return {...state, follow: false, top: view.at(to) ?? state.buffer.end};
}

function jump(state: LogsState, seq: number): LogsState {
	const view = logView(state);
	const index = view.indexAtOrAfter(seq);
	const bottom = Math.max(0, view.length - state.pageSize);
	const from = state.follow ? bottom : view.indexAtOrAfter(state.top);
	const inView = index >= from && index < from + state.pageSize;
	const top = inView ? from : Math.max(0, Math.min(bottom, index - Math.floor(state.pageSize / 2)));
	const follow = state.follow && inView;
	return {...state, current: seq, follow, top: follow ? state.top : (view.at(top) ?? seq)};
}

function marksAfter(marks: LogsState['last'], lines: readonly LogLine[]): LogsState['last'] {
	const bySource = new Map<string, LogLine[]>();
	for (const line of lines) {
		const list = bySource.get(line.source);
		if (list) list.push(line);
		else bySource.set(line.source, [line]);
	}

	const next: Record<string, LineMark> = {...marks};
	for (const [source, own] of bySource) {
		const mark = advanceMark(marks[source], own);
		if (mark) next[source] = mark;
	}

	return next;
}

/** Puts fetched lines where their gap row was; what is on screen and the match the person is on stay put. */
function fill(state: LogsState, seq: number, lines: readonly LogLine[]): LogsState {
	if (!state.buffer.at(seq)?.gap) return state;
	const shift = lines.length - 1;
	const moved = (at: number) => (at > seq ? at + shift : at);
	state.buffer.replace(seq, lines);
	return {
		...state,
		revision: state.revision + 1,
		top: Math.max(moved(state.top), state.buffer.first),
		current: state.current === undefined ? undefined : moved(state.current),
	};
}

export function logsReducer(state: LogsState, action: LogsAction): LogsState {
	switch (action.type) {
		case 'logs/configure':
			return action.cap === state.cap
				? state
				: restart(state, {cap: action.cap, window: {kind: 'tail', lines: Math.min(action.cap, 1000)}});
		case 'logs/targets':
			return sameList(action.targets, state.targets) ? state : restart(state, {targets: action.targets});
		case 'logs/project':
			return action.project === state.project && action.engine === state.projectEngine
				? state
				: {...state, project: action.project, projectEngine: action.project === undefined ? undefined : action.engine};
		case 'logs/focus':
			return action.focused === state.focused ? state : {...state, focused: action.focused, prompt: undefined};
		case 'logs/append': {
			if (action.lines.length === 0) return state;
			state.buffer.pushAll(action.lines);
			return {
				...state,
				revision: state.revision + 1,
				last: marksAfter(state.last, action.lines),
				newWhilePaused: state.follow ? 0 : state.newWhilePaused + action.lines.length,
				top: Math.max(state.top, state.buffer.first),
			};
		}

		case 'logs/fill':
			return state.buffer.at(action.seq) === action.gap ? fill(state, action.seq, action.lines) : state;

		case 'logs/stream': {
			const streams = {...state.streams, [action.id]: action.status};
			if (action.since === undefined || state.last[action.id]) return {...state, streams};
			return {...state, streams, last: {...state.last, [action.id]: {ts: action.since, count: 0}}};
		}

		case 'logs/scroll':
			return scroll(state, action.by);
		case 'logs/jump':
			return jump(state, action.seq);
		case 'logs/follow':
			return {...state, follow: true, newWhilePaused: 0};
		case 'logs/toggle':
			return {...state, [action.option]: !state[action.option]};
		case 'logs/clear':
			state.buffer.clear();
			return {
				...state,
				revision: state.revision + 1,
				follow: true,
				newWhilePaused: 0,
				current: undefined,
			};
		case 'logs/window':
			return restart(state, {window: action.window});
		case 'logs/prompt':
			return {...state, prompt: action.prompt};
		case 'logs/promptEdit': {
			if (!state.prompt) return state;
			const editor = editLine(state.prompt.editor, action.key);
			if (!editor) return state;
			const prompt = {...state.prompt, editor};
			// The search applies as it is typed, so matches light up while the person types.
			return state.prompt.kind === 'search' ? {...state, prompt, search: editor.value, current: undefined} : {...state, prompt};
		}

		case 'logs/search':
			return {...state, search: action.text, current: undefined};
		case 'logs/searchStep':
			return {...state, searchTick: state.searchTick + 1};
		case 'logs/viewport':
			return action.pageSize === state.pageSize ? state : {...state, pageSize: Math.max(1, action.pageSize)};
	}
}
