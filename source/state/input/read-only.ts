// Read-only mode (--read-only, config readOnly), enforced where keys become effects: the key map
// leaves out every binding marked `mutates`, and a key that would have run one is answered with a
// refusal instead of silence. Nothing here names an action, so new mutating bindings are covered.
import type {AppState} from '../core/app.js';
import type {Effect} from './effect.js';
import type {Binding, KeyMap} from './keymap.js';
import type {KeyPress} from './keys.js';

export type Router = (state: AppState, key: KeyPress, keys: KeyMap) => Effect[];

export const refusalText = (binding: Binding): string =>
	`Read-only mode: "${binding.label}" is disabled (dockpit was started with --read-only or readOnly in its config)`;

export function routeReadOnly(route: Router, state: AppState, key: KeyPress, keys: KeyMap): Effect[] {
	let refused: Binding | undefined;
	const watched: KeyMap = {
		...keys,
		lookup(scope, name) {
			const command = keys.lookup(scope, name);
			if (command === undefined) refused = keys.refused(scope, name) ?? refused;
			return command;
		},
	};
	const effects = route(state, key, watched);
	if (effects.length > 0 || !refused) return effects;
	return [{type: 'dispatch', action: {type: 'ui/status', status: {text: refusalText(refused), tone: 'error'}}}];
}
