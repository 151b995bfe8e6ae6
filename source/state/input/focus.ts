// Which part of the screen has the keys, and so which bindings the footer offers: one answer for the
// footer, the pane titles and the key router to agree on.
import type {AppState} from '../core/app.js';
import {isResourceDialog} from '../resources/resource-dialogs.js';
import type {Binding, Scope} from './keymap.js';
import {isSwarmPane} from '../swarm/swarm.js';

/** The scope whose keys act now: a dialog, a prompt, the open panel, or the list under them. */
export function focusScope(state: AppState): Scope {
	const {dialog, panel, pane} = state.ui;
	if (dialog?.kind === 'prune') return 'prune';
	if (dialog?.kind === 'form' || dialog?.kind === 'buildLog') return 'form';
	if (dialog?.kind === 'confirm' || isResourceDialog(dialog)) return 'confirm';
	if (dialog?.kind === 'rename' || dialog?.kind === 'exec') return 'prompt';
	if (pane === 'events' && !dialog && state.events.filtering) return 'prompt';
	if (isSwarmPane(pane) && !dialog) {
		const {dialog: swarmDialog, views} = state.swarm;
		if (swarmDialog) return swarmDialog.kind === 'scale' ? 'prompt' : 'confirm';
		if (views[pane].filtering) return 'prompt';
	}

	if (
		state.ui.filtering ||
		(pane !== 'containers' && pane !== 'events' && !isSwarmPane(pane) && !dialog && state.resources.views[pane].filtering)
	) {
		return 'prompt';
	}

	if (panel === 'logs' && state.logs.prompt) return 'prompt';
	if (panel === 'details' && state.ui.details?.search.editor) return 'prompt';
	if (panel === 'details') return 'details';
	if (panel === 'logs' && state.logs.focused) return 'logs';
	if (isSwarmPane(pane)) return pane;
	return pane === 'containers' ? 'containers' : pane === 'events' ? 'events' : 'resources';
}

/** The bindings the footer shows for what has the focus. */
export function footerBindings(state: AppState, bindings: readonly Binding[]): readonly Binding[] {
	const scope = focusScope(state);
	const {dialog} = state.ui;
	switch (scope) {
		case 'prune':
		case 'form':
		case 'confirm':
		case 'prompt':
			// A help or contexts dialog over a prompt-less list keeps the list's footer (below).
			return bindings.filter((binding) => binding.scope === scope);
		case 'details':
		case 'logs':
			return bindings.filter(
				(binding) => binding.footer && (binding.scope === scope || binding.command === 'help' || binding.command === 'quit'),
			);
		case 'resources':
		case 'services':
		case 'tasks':
		case 'nodes':
		case 'events': {
			if (dialog) return bindings.filter((binding) => binding.footer && binding.scope !== scope);
			const scopes = new Set<Scope>(['global', 'list', scope]);
			// Events are always newest first: the list's sort key means nothing there.
			const unsorted = scope === 'events' ? (binding: Binding) => binding.command !== 'sort' : () => true;
			return bindings.filter((binding) => binding.footer && scopes.has(binding.scope) && unsorted(binding));
		}
		case 'containers':
			return bindings.filter(
				(binding) =>
					binding.footer && binding.scope !== 'resources' && binding.scope !== 'events' && !isSwarmScope(binding.scope),
			);
		default:
			return bindings.filter((binding) => binding.scope === scope);
	}
}

const isSwarmScope = (scope: Scope): boolean => scope === 'services' || scope === 'tasks' || scope === 'nodes';
