// How keys are shown to the person: their display names, the hints in footers and prompts, the help
// overlay's lines and README's key table, all read from the binding table (keymap.ts).
import type {Scope} from './binding.js';
import {defaultBindings, type Binding, type Command, type KeyMap} from './keymap.js';

/** Keys as people read them: 'ctrl+c' → 'Ctrl-C', 'pagedown' → 'PgDn'. */
export function displayKey(key: string): string {
	const names: Record<string, string> = {
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
		enter: 'Enter',
		escape: 'Esc',
		tab: 'Tab',
		space: 'Space',
		'shift+tab': 'Shift-Tab',
		backspace: 'Backspace',
	};
	if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	return names[key] ?? key;
}

export const scopeTitles: Readonly<Record<Scope, string>> = {
	global: 'Everywhere',
	list: 'Lists',
	containers: 'Containers',
	resources: 'Images, volumes, networks',
	events: 'Events pane',
	services: 'Swarm services',
	tasks: 'Swarm tasks',
	nodes: 'Swarm nodes',
	confirm: 'Confirmation dialogs',
	prune: 'Prune dialog',
	details: 'Details panel',
	logs: 'Logs pane',
	prompt: 'Text prompts (filter, rename)',
	form: 'Forms (run, stop, commit, tag, create, copy, build)',
	help: 'This help',
	contexts: 'Contexts dialog',
	result: 'Results (bulk actions, prune, a typed command, a build)',
};

/** The display form of the first key bound to a command in a scope, for hints; '?' when none is. */
export function keyHint(keys: KeyMap, command: Command, scope: Scope): string {
	const key = keys.keysFor(command, scope)[0];
	return key === undefined ? '?' : displayKey(key);
}

/** Hints such as "Enter applies · Esc cancels", each key from the table; a command with no key there is left out. */
export function hintText(
	keys: KeyMap,
	scope: Scope,
	parts: ReadonlyArray<readonly [Command, string]>,
	separator = ' · ',
): string {
	return parts
		.filter(([command]) => keys.keysFor(command, scope).length > 0)
		.map(([command, words]) => `${keyHint(keys, command, scope)} ${words}`)
		.join(separator);
}

/**
 * A binding's description with its "{scope.command}" references replaced by the key bound there, so help
 * names the keys in force; a command with no key (read-only mode) is named instead.
 */
export function describeBinding(binding: Binding, bindings: readonly Binding[]): string {
	return binding.description.replaceAll(/\{(\w+)\.(\w+)\}/g, (_, scope: string, command: string) => {
		const key = bindings.find((other) => other.scope === scope && other.command === command)?.keys[0];
		return key === undefined ? command : displayKey(key);
	});
}

/** README's key table, generated from the bindings so the two cannot drift. */
export function keyTableMarkdown(bindings: readonly Binding[] = defaultBindings): string {
	const lines = ['| Where | Keys | Action |', '| --- | --- | --- |'];
	for (const binding of bindings) {
		const keys = binding.keys.map((key) => `\`${displayKey(key)}\``).join(' ');
		lines.push(`| ${scopeTitles[binding.scope]} | ${keys.replaceAll('|', '\\|')} | ${describeBinding(binding, bindings)} |`);
	}

	return lines.join('\n');
}

export type HelpLine = {readonly text: string; readonly heading: boolean};

/**
 * The help overlay's lines: bindings grouped under their scope's title, in table order, except that the
 * groups of the scopes in `first` (what has the focus, then what it lets through) come first, marked as the
 * keys that act here. Moving whole groups keeps the number of lines whatever the focus.
 */
export function helpLines(bindings: readonly Binding[], first: readonly Scope[] = []): HelpLine[] {
	const groups: Binding[][] = [];
	for (const binding of bindings) {
		const last = groups.at(-1);
		if (last && last[0]!.scope === binding.scope) last.push(binding);
		else groups.push([binding]);
	}

	const rank = (group: readonly Binding[]) => {
		const index = first.indexOf(group[0]!.scope);
		return index === -1 ? first.length : index;
	};

	const lines: HelpLine[] = [];
	for (const group of groups
		.map((group, index) => ({group, index}))
		.sort((a, b) => rank(a.group) - rank(b.group) || a.index - b.index)) {
		const {scope} = group.group[0]!;
		if (lines.length > 0) lines.push({text: '', heading: false});
		lines.push({text: first.includes(scope) ? `${scopeTitles[scope]} (keys here)` : scopeTitles[scope], heading: true});
		for (const binding of group.group) {
			const keys = binding.keys.map(displayKey).join(' ');
			lines.push({text: `  ${keys.padEnd(16)} ${describeBinding(binding, bindings)}`, heading: false});
		}
	}

	return lines;
}
