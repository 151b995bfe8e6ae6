// The logs pane's rows of the key table (opening it from the containers list, and the pane's own keys).
// Kept apart so the logs feature reads as one piece; keymap.ts splices these into defaultBindings.
import type {BindingOf} from '../input/binding.js';

export type LogCommand =
	| 'logs'
	| 'zoom'
	| 'logSearch'
	| 'nextMatch'
	| 'prevMatch'
	| 'logFilter'
	| 'logRegex'
	| 'logTimestamps'
	| 'logWrap'
	| 'logColours'
	| 'logClear'
	| 'logSave'
	| 'logWindow'
	| 'logProject'
	| 'logFetch';

/** The pane's own commands plus the list movements and Esc it reuses. */
type LogRowCommand = LogCommand | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'back';

type Binding = BindingOf<LogRowCommand>;

const row = (
	command: LogRowCommand,
	keys: readonly string[],
	scope: 'containers' | 'logs',
	label: string,
	description: string,
	footer = false,
): Binding => ({command, keys, scope, label, description, mutates: false, footer});

/** Opens the pane; sits with the other containers keys. */
export const logOpenBinding: Binding = row(
	'logs',
	['l', 'enter'],
	'containers',
	'logs',
	'Open the logs of the selected container, or of all marked ones interleaved',
	true,
);

export const logPaneBindings: readonly Binding[] = [
	row('bottom', ['G', 'end'], 'logs', 'follow', 'Jump to the newest line and follow again', true),
	row('up', ['k', 'up'], 'logs', 'up', 'Scroll up one line (pauses following)'),
	row('down', ['j', 'down'], 'logs', 'down', 'Scroll down one line (at the bottom: follow again)'),
	row('pageUp', ['pageup', 'ctrl+b'], 'logs', 'page up', 'Scroll up one page'),
	row('pageDown', ['pagedown', 'ctrl+f'], 'logs', 'page down', 'Scroll down one page'),
	row('top', ['g', 'home'], 'logs', 'oldest', 'Jump to the oldest line held'),
	row('logSearch', ['/'], 'logs', 'search', 'Search: every match is highlighted; {prompt.submit} jumps to the newest', true),
	row('nextMatch', ['n'], 'logs', 'next', 'Next (newer) match, wrapping around', true),
	row('prevMatch', ['N'], 'logs', 'previous', 'Previous (older) match, wrapping around'),
	row('logFilter', ['f'], 'logs', 'filter', 'Show only the lines that match the search (again: all lines)', true),
	row('logRegex', ['x'], 'logs', 'regex', 'Read the search as a regular expression (again: plain text)'),
	row('logTimestamps', ['t'], 'logs', 'time', 'Show or hide timestamps', true),
	row('logWrap', ['w'], 'logs', 'wrap', 'Wrap long lines, or cut them at the edge', true),
	row('logColours', ['C'], 'logs', 'colours', 'Show the colours the program wrote in its lines, or plain text (on by default)'),
	row('logClear', ['c'], 'logs', 'clear', 'Clear the lines shown so far'),
	row('logSave', ['s'], 'logs', 'save', 'Save the buffered lines to a file (asks for the path)', true),
	row('logFetch', ['F'], 'logs', 'fetch', 'Fetch the lines of the gap row on screen (or the newest above it) from the engine'),
	row('logWindow', ['T'], 'logs', 'window', 'Change the initial window: last N lines, since a duration (10m), or all'),
	row('logProject', ['p'], 'logs', 'project', "Follow the selected container's whole compose project (again: just it)"),
	row('zoom', ['z'], 'logs', 'zoom', 'Zoom the logs to full screen, and back', true),
	row(
		'back',
		['escape'],
		'logs',
		'list',
		'Back to the list (the logs follow its selection); {global.back} there closes them',
		true,
	),
];
