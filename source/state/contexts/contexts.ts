// The docker contexts dialog (c): the contexts to pick from, the highlighted one, and its keys.
// Listing them reads files and switching restarts the session's engine, so both are effects.
import type {AppAction} from '../core/app.js';
import type {Effect} from '../input/input.js';
import type {KeyMap} from '../input/keymap.js';
import type {KeyPress} from '../input/keys.js';

export type ContextItem = {
	readonly name: string;
	/** The engine address it names, or why it cannot be used. */
	readonly url: string;
	readonly description?: string;
};

export type ContextsDialog = {
	readonly kind: 'contexts';
	readonly items: readonly ContextItem[];
	readonly index: number;
	/** The context dockpit is on now ("default" when none was chosen). */
	readonly current: string;
};

const dispatch = (action: AppAction): Effect => ({type: 'dispatch', action});

export function routeContextsKey(dialog: ContextsDialog, key: KeyPress, keys: KeyMap): Effect[] {
	if (keys.lookup('global', key.name) === 'quit') return [{type: 'quit'}];
	const prompt = keys.lookup('prompt', key.name);
	if (prompt === 'back' || keys.lookup('global', key.name) === 'contexts') return [dispatch({type: 'ui/closeDialog'})];
	const chosen = dialog.items[dialog.index];
	if (prompt === 'submit' && chosen) {
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
