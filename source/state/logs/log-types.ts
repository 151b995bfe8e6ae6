// The logs pane's state and the shapes its stream reports, apart from the reducer so that views and the
// engine's log stream can name them without importing it.
import type {LineEditor} from '../core/line-editor.js';
import type {LineMark, LogLine} from './log-lines.js';
import type {RingBuffer} from '../core/ring-buffer.js';

export const defaultLogLines = 10_000;

/** What the streams ask for when they open: the last N lines, the lines since a moment, or all. */
export type LogWindow =
	| {readonly kind: 'tail'; readonly lines: number}
	| {readonly kind: 'since'; readonly ms: number; readonly text: string}
	| {readonly kind: 'all'};

export type StreamStatus =
	| {readonly kind: 'connecting'}
	| {readonly kind: 'live'; readonly tty: boolean}
	| {readonly kind: 'stopped'}
	| {readonly kind: 'removed'}
	| {readonly kind: 'error'; readonly message: string};

export type LogPrompt = {readonly kind: 'search' | 'save' | 'window'; readonly editor: LineEditor};

export type LogToggle = 'regex' | 'filterMode' | 'timestamps' | 'wrap' | 'colours';

export type LogsState = {
	/** Containers whose lines the buffer holds, in the order they were chosen. */
	readonly targets: readonly string[];
	/** A compose project followed as a whole, instead of the selection or the marks. */
	readonly project?: string;
	/** With several engines: the key of the engine that project is on (a project of that name elsewhere is another). */
	readonly projectEngine?: string;
	/** Bumped whenever the streams must be opened afresh (new targets, new window). */
	readonly generation: number;
	readonly cap: number;
	/**
	 * The one mutable value in the state: copying up to `cap` lines on every frame of a flood just to
	 * stay immutable would be pure churn. Only this reducer writes to it; `revision` marks each write.
	 */
	readonly buffer: RingBuffer<LogLine>;
	readonly revision: number;
	/** Bumped by each `logs/searchStep`: the search tests its next bounded share of the buffer. */
	readonly searchTick: number;
	/** Where each container's lines end (newest timestamp, lines at it): a reattach asks only for what came after. */
	readonly last: Readonly<Record<string, LineMark>>;
	readonly streams: Readonly<Record<string, StreamStatus>>;
	readonly window: LogWindow;
	readonly follow: boolean;
	/** Sequence number of the top line on screen while paused. */
	readonly top: number;
	readonly newWhilePaused: number;
	readonly search: string;
	readonly regex: boolean;
	/** Show only the lines that match the search. */
	readonly filterMode: boolean;
	/** The match the person is on (sequence number). */
	readonly current?: number;
	readonly timestamps: boolean;
	readonly wrap: boolean;
	/** Show the colours a line carries (SGR), as the program wrote them. */
	readonly colours: boolean;
	/** Keys go to the pane; otherwise they go to the list, and the pane follows the selection. */
	readonly focused: boolean;
	readonly prompt?: LogPrompt;
	/** Lines the pane shows at once. */
	readonly pageSize: number;
};
