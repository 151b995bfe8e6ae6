// Keys while the docker contexts dialog is open: move, pick (an effect: the session switches engines), close.
import {dispatch, type Effect} from '../input/effect.js';
import type {KeyMap} from '../input/keymap.js';
import type {KeyPress} from '../input/keys.js';
import type {ContextsDialog} from './contexts.js';

export function routeContextsKey(dialog: ContextsDialog, key: KeyPress, keys: KeyMap): Effect[] {
	if (keys.lookup('global', key.name) === 'quit') return [{type: 'quit'}];
	const command = keys.lookup('contexts', key.name);
	if (command === 'close' || keys.lookup('global', key.name) === 'contexts') return [dispatch({type: 'ui/closeDialog'})];
	const chosen = dialog.items[dialog.index];
	if (command === 'pick' && chosen) {
		if (chosen.name === dialog.current) return [dispatch({type: 'ui/closeDialog'})];
		return [dispatch({type: 'ui/closeDialog'}), {type: 'switchContext', name: chosen.name}];
	}

	const move = keys.lookup('list', key.name);
	const last = dialog.items.length - 1;
	const targets: Partial<Record<string, number>> = {
		up: dialog.index - 1,
		down: dialog.index + 1,
		top: 0,
		bottom: last,
		pageUp: 0,
		pageDown: last,
	};
	const target = move === undefined ? undefined : targets[move];
	if (target === undefined) return [];
	return [dispatch({type: 'ui/openDialog', dialog: {...dialog, index: Math.max(0, Math.min(last, target))}})];
}
