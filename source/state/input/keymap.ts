// The one key-binding table: the footer, the `?` overlay, README's key table and input routing all read it.
import type {BindingOf, Scope} from './binding.js';
import {logOpenBinding, logPaneBindings, type LogCommand} from '../logs/log-keys.js';
import {
	makeConfirmBindings,
	makeContainerBindings,
	makeFormBindings,
	makeResourceBindings,
	type MakeCommand,
} from '../make/make-keys.js';
import {swarmActionBindings, swarmPaneBindings, type SwarmCommand} from '../swarm/swarm-keys.js';
import {dialogBindings, type DialogCommand} from './dialog-keys.js';
import {groupBindings, type GroupCommand} from '../containers/group-keys.js';

export type {Scope} from './binding.js';

export type Command =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'filter'
	| 'sort'
	| 'sortReverse'
	| 'stateFilter'
	| 'usageColumns'
	| 'start'
	| 'stop'
	| 'restart'
	| 'pause'
	| 'kill'
	| 'rename'
	| 'remove'
	| 'help'
	| 'back'
	| 'quit'
	| 'yes'
	| 'no'
	| 'force'
	| 'submit'
	| 'clearInput'
	| 'contexts'
	| ResourceCommand
	| InsideCommand
	| LogCommand
	| MakeCommand
	| SwarmCommand
	| DialogCommand
	| GroupCommand;

/** Details panel, exec and attach (issue 5). */
export type InsideCommand =
	| 'details'
	| 'exec'
	| 'execCommand'
	| 'attach'
	| 'nextTab'
	| 'previousTab'
	| 'closeDetails'
	| 'zoom'
	| 'rawJson'
	| 'reveal'
	| 'detailsSearch'
	| 'yank'
	| 'yankId';

/** Panes, marking, resource removal and the prune dialog (issue 4). */
export type ResourceCommand =
	| 'paneContainers'
	| 'paneImages'
	| 'paneVolumes'
	| 'paneNetworks'
	| 'paneEvents'
	| 'jump'
	| 'nextPane'
	| 'mark'
	| 'markAll'
	| 'prune'
	| 'pruneContainers'
	| 'pruneDangling'
	| 'pruneImages'
	| 'pruneVolumes'
	| 'pruneNamedVolumes'
	| 'pruneNetworks'
	| 'pruneBuildCache';

export type Binding = BindingOf<Command>;

const bind = (
	command: Command,
	keys: readonly string[],
	scope: Scope,
	label: string,
	description: string,
	options: {mutates?: boolean; footer?: boolean} = {},
): Binding => ({command, keys, scope, label, description, mutates: options.mutates ?? false, footer: options.footer ?? false});

export const defaultBindings: readonly Binding[] = [
	bind('up', ['k', 'up'], 'list', 'up', 'Move the selection up'),
	bind('down', ['j', 'down'], 'list', 'down', 'Move the selection down'),
	bind('pageUp', ['pageup', 'ctrl+b'], 'list', 'page up', 'Move up one page'),
	bind('pageDown', ['pagedown', 'ctrl+f'], 'list', 'page down', 'Move down one page'),
	bind('top', ['g', 'home'], 'list', 'top', 'Jump to the first row'),
	bind('bottom', ['G', 'end'], 'list', 'bottom', 'Jump to the last row'),
	bind('filter', ['/'], 'list', 'filter', 'Filter rows by name or image as you type', {footer: true}),
	bind('sort', ['o'], 'list', 'sort', 'Cycle the sort column (each pane has its own: state, name, size…)', {footer: true}),
	bind('sortReverse', ['O'], 'list', 'reverse', 'Reverse the sort order'),
	bind(
		'stateFilter',
		['S'],
		'containers',
		'state',
		'List only containers in one state, with the text filter: all, running, exited, paused, created, restarting, dead (cycles)',
	),
	bind(
		'usageColumns',
		['M'],
		'containers',
		'cpu/mem',
		'Show or hide the CPU % and MEM / LIMIT columns (live, for the running rows on screen; on by default)',
	),
	bind('start', ['u'], 'containers', 'start', 'Start the selected container', {mutates: true, footer: true}),
	bind('stop', ['s'], 'containers', 'stop', 'Stop the selected container (SIGTERM, then SIGKILL after its timeout)', {
		mutates: true,
		footer: true,
	}),
	bind('restart', ['r'], 'containers', 'restart', 'Restart the selected container', {mutates: true, footer: true}),
	bind('pause', ['p'], 'containers', 'pause', 'Pause or unpause the selected container', {mutates: true, footer: true}),
	bind('kill', ['K'], 'containers', 'kill', 'Kill the selected container with SIGKILL (asks first)', {
		mutates: true,
		footer: true,
	}),
	bind('rename', ['R'], 'containers', 'rename', 'Rename the selected container', {mutates: true, footer: true}),
	bind('remove', ['d'], 'containers', 'remove', 'Remove the selected container (asks first; force if running)', {
		mutates: true,
		footer: true,
	}),
	bind(
		'mark',
		['space'],
		'containers',
		'mark',
		'Mark or unmark the selected container; {containers.start} {containers.stop} {containers.restart} {containers.pause} {containers.kill} {containers.remove} then act on all marked, after one confirmation',
		{
			footer: true,
		},
	),
	bind('markAll', ['a'], 'containers', 'mark all', 'Mark every visible container (again: unmark them)'),
	...groupBindings,
	logOpenBinding,
	bind('details', ['i'], 'containers', 'details', 'Open the details panel (inspect, env, ports, mounts, top, stats, diff)', {
		footer: true,
	}),
	// A shell or an attached process can change anything in the container, so read-only mode leaves them out.
	bind('exec', ['x'], 'containers', 'shell', 'Open a shell in the selected running container (bash, else sh)', {
		mutates: true,
		footer: true,
	}),
	bind('execCommand', ['X'], 'containers', 'exec…', 'Run a command you type in the selected running container', {
		mutates: true,
	}),
	bind(
		'attach',
		['A'],
		'containers',
		'attach',
		'Attach to the main process (detach with Ctrl-P Ctrl-Q; Ctrl-C reaches it only with a TTY)',
		{
			mutates: true,
		},
	),
	...makeContainerBindings,
	// Not in the footer, whose containers row is full at 80 columns: help (?) lists it.
	bind('yank', ['y'], 'containers', 'copy', "Copy the selected container's name to the clipboard (OSC 52)"),
	bind('yankId', ['Y'], 'containers', 'copy id', "Copy the selected container's full id to the clipboard (OSC 52)"),
	bind('nextTab', ['tab', 'right', 'l'], 'details', 'next tab', 'Show the next tab', {footer: true}),
	bind('previousTab', ['left', 'h'], 'details', 'prev tab', 'Show the previous tab'),
	bind('closeDetails', ['escape'], 'details', 'close', 'Close the details panel', {footer: true}),
	bind('zoom', ['z'], 'details', 'zoom', 'Give the panel the whole screen, or give it back', {footer: true}),
	bind('rawJson', ['J'], 'details', 'raw JSON', 'Inspect tab: switch between readable sections and the raw JSON', {footer: true}),
	bind('reveal', ['v'], 'details', 'reveal', 'Env and Inspect: show or mask secrets (secret-looking names, passwords in URLs)', {
		footer: true,
	}),
	bind(
		'detailsSearch',
		['/'],
		'details',
		'search',
		'Search the text shown (Inspect, raw JSON, Env, Top, Diff; on Ports, Mounts, Stats it filters the list)',
		{
			footer: true,
		},
	),
	bind('nextMatch', ['n'], 'details', 'next', 'Next match, wrapping around'),
	bind('prevMatch', ['N'], 'details', 'previous', 'Previous match, wrapping around'),
	bind(
		'yank',
		['y'],
		'details',
		'copy',
		'Copy the current match’s line, else the top line: an env value (masked until {details.reveal}), an address… (OSC 52)',
		{footer: true},
	),
	...logPaneBindings,
	bind(
		'yank',
		['y'],
		'logs',
		'copy',
		'Copy the current match’s line, else the newest line (the top line when scrolled back) (OSC 52)',
	),
	bind('remove', ['d'], 'resources', 'remove', 'Remove the selected image tag, volume or network (asks first)', {
		mutates: true,
		footer: true,
	}),
	bind(
		'details',
		['enter', 'i'],
		'resources',
		'inspect',
		'Open the details: an image’s layers and users, a volume’s mountpoint and users, a network’s containers and addresses',
		{footer: true},
	),
	bind('yank', ['y'], 'resources', 'copy', 'Copy the selected image’s tag, volume’s or network’s name (OSC 52)'),
	bind('yankId', ['Y'], 'resources', 'copy id', 'Copy the selected image’s or network’s full id, a volume’s name (OSC 52)'),
	...makeResourceBindings,
	...swarmActionBindings,
	bind('jump', ['enter'], 'events', 'show', "Show the event's container, image, volume or network in its pane", {footer: true}),
	bind('paneContainers', ['1'], 'global', 'containers', 'Show the containers pane'),
	bind('paneImages', ['2'], 'global', 'images', 'Show the images pane'),
	bind('paneVolumes', ['3'], 'global', 'volumes', 'Show the volumes pane'),
	bind('paneNetworks', ['4'], 'global', 'networks', 'Show the networks pane'),
	bind('paneEvents', ['5'], 'global', 'events', 'Show the events pane: what the engine reported, newest first'),
	...swarmPaneBindings,
	bind('nextPane', ['tab'], 'global', 'pane', 'Show the next pane', {footer: true}),
	bind('prune', ['P'], 'global', 'prune', 'Clean up: preview what a prune removes, then confirm', {mutates: true, footer: true}),
	bind('contexts', ['c'], 'global', 'contexts', 'List the docker contexts and switch to another engine'),
	bind('help', ['?'], 'global', 'help', 'Show or hide this help', {footer: true}),
	bind('back', ['escape'], 'global', 'back', 'Close the dialog, or clear the filter'),
	bind('quit', ['q', 'ctrl+c'], 'global', 'quit', 'Quit dockpit', {footer: true}),
	bind('yes', ['y'], 'confirm', 'yes', 'Confirm the action'),
	bind('force', ['f'], 'confirm', 'force', 'Confirm with force (remove a running container, an image in use)'),
	bind('no', ['n', 'escape'], 'confirm', 'no', 'Cancel; nothing changes'),
	...makeConfirmBindings,
	bind('pruneContainers', ['c'], 'prune', 'containers', 'Include stopped containers'),
	bind('pruneDangling', ['i'], 'prune', 'dangling', 'Include dangling images'),
	bind('pruneImages', ['I'], 'prune', 'images', 'Include all unused images'),
	bind('pruneVolumes', ['v'], 'prune', 'volumes', 'Include unused anonymous volumes'),
	bind('pruneNamedVolumes', ['V'], 'prune', 'named', 'Include unused named volumes too'),
	bind('pruneNetworks', ['w'], 'prune', 'networks', 'Include unused networks'),
	bind('pruneBuildCache', ['b'], 'prune', 'build cache', 'Include the build cache (only without a label scope)'),
	bind('yes', ['y'], 'prune', 'prune', 'Prune exactly what the preview lists', {mutates: true}),
	bind('no', ['n', 'escape'], 'prune', 'cancel', 'Close; nothing is removed'),
	bind('submit', ['enter'], 'prompt', 'apply', 'Apply the text typed (filter, new name)'),
	bind('clearInput', ['ctrl+u'], 'prompt', 'clear', 'Clear the text typed'),
	bind('back', ['escape'], 'prompt', 'cancel', 'Cancel the prompt; a filter is cleared'),
	...makeFormBindings,
	...dialogBindings,
];

export type KeyMap = {
	/** The bindings in force: without the mutating ones in read-only mode, so footer and help omit them. */
	readonly bindings: readonly Binding[];
	/** Which command a key runs in a scope. */
	readonly lookup: (scope: Scope, key: string) => Command | undefined;
	/** The keys bound to a command in a scope, for display. */
	readonly keysFor: (command: Command, scope?: Scope) => readonly string[];
	/** Mutating bindings are switched off (--read-only); see read-only.ts. */
	readonly readOnly: boolean;
	/** In read-only mode, the mutating binding a key would have run in a scope. */
	readonly refused: (scope: Scope, key: string) => Binding | undefined;
};

export type KeyMapOptions = {readonly readOnly?: boolean};

/** First binding wins for a (scope, key) slot. */
function slotTable(bindings: readonly Binding[]): Map<string, Binding> {
	const table = new Map<string, Binding>();
	for (const binding of bindings) {
		for (const key of binding.keys) {
			const slot = `${binding.scope}\u0000${key}`;
			if (!table.has(slot)) table.set(slot, binding);
		}
	}

	return table;
}

export function createKeyMap(all: readonly Binding[] = defaultBindings, options: KeyMapOptions = {}): KeyMap {
	const readOnly = options.readOnly ?? false;
	const bindings = readOnly ? all.filter((binding) => !binding.mutates) : all;
	const table = slotTable(bindings);
	const full = readOnly ? slotTable(all) : table;
	return {
		bindings,
		lookup: (scope, key) => table.get(`${scope}\u0000${key}`)?.command,
		keysFor: (command, scope) =>
			bindings.filter((b) => b.command === command && (scope === undefined || b.scope === scope)).flatMap((b) => b.keys),
		readOnly,
		refused(scope, key) {
			const binding = readOnly ? full.get(`${scope}\u0000${key}`) : undefined;
			return binding?.mutates ? binding : undefined;
		},
	};
}
