// Keys that mean one thing in the focused list and another in the logs pane on screen beside it (s: stop
// here, save there; p: pause, project; x: shell, regex). A changing action does not run on the first
// press: the status line says what the key does where, and the same key again runs it (issue 14, item 2).
import type {AppState} from '../core/app.js';
import type {Binding, KeyMap, Scope} from './keymap.js';
import {displayKey, keyHint} from './key-text.js';
import type {KeyPress} from './keys.js';

export type Ambiguity = {
	readonly key: string;
	/** What the key does in the list, which has the focus. */
	readonly list: Binding;
	/** What it does in the visible, unfocused pane. */
	readonly pane: Binding;
};

const bindingFor = (keys: KeyMap, scope: Scope, key: string): Binding | undefined =>
	keys.bindings.find((binding) => binding.scope === scope && binding.keys.includes(key));

/** The key's two meanings, when it would change the engine from the list while the logs pane shows another. */
export function ambiguity(state: AppState, key: KeyPress, keys: KeyMap): Ambiguity | undefined {
	const {ui, logs} = state;
	if (ui.dialog || ui.filtering || ui.pane !== 'containers' || ui.panel !== 'logs' || logs.focused || logs.prompt)
		return undefined;
	const list = bindingFor(keys, 'containers', key.name) ?? bindingFor(keys, 'global', key.name);
	const pane = bindingFor(keys, 'logs', key.name);
	// Only an action on the engine is held back: a filter or a dialog shows itself at once.
	if (!list || !pane || !list.mutates || list.command === pane.command) return undefined;
	return {key: key.name, list, pane};
}

/** The status line's question, e.g. `s is "stop" in the list… press s again to stop, Enter to go to the logs`. */
export function ambiguityText({key, list, pane}: Ambiguity, keys: KeyMap): string {
	const shown = displayKey(key);
	const logs = keyHint(keys, 'logs', 'containers');
	return `${shown} is "${list.label}" in the list, which has the keys (in the logs pane it is "${pane.label}"): press ${shown} again to ${list.label}, or ${logs} to go to the logs`;
}
