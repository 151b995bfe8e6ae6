// Keys on compose project and stack rows: fold and unfold, grouping on and off, and the container actions
// that act on every member of the selected group through the bulk confirmation. undefined: not a group key.
import {selectedGroup, selection, type AppState} from '../core/app.js';
import {copy, dispatch, say, type Effect} from '../input/effect.js';
import type {Command, KeyMap} from '../input/keymap.js';
import {keyHint} from '../input/key-text.js';
import type {BulkOp, BulkTarget} from '../resources/resource-types.js';
import type {Group} from './groups.js';

const groupOps: Partial<Record<Command, BulkOp>> = {
	start: 'start',
	stop: 'stop',
	restart: 'restart',
	pause: 'pause',
	kill: 'kill',
	remove: 'remove',
};

/** What needs one container: details, a shell, a command, attach. */
const oneContainer: ReadonlySet<Command> = new Set(['details', 'exec', 'execCommand', 'attach', 'yankId']);

const kindWord = (group: Group): string => (group.kind === 'compose' ? 'compose project' : 'stack');

/** The group's members the filters let through: what its row acts on, listed in the confirmation. */
export const groupTargets = (group: Group): BulkTarget[] =>
	group.members.map((member) => ({id: member.id, name: member.name, state: member.state, image: member.image}));

/** A container action on the selected group row: one confirmation listing every member it acts on. */
function groupAction(group: Group, command: Command): Effect[] | undefined {
	if (command === 'rename') return [say(`A ${kindWord(group)} cannot be renamed: select one of its containers`, 'error')];
	if (command === 'yank') return [copy(group.label, `${kindWord(group)} name`)];
	if (oneContainer.has(command)) {
		return [say(`${group.label} is a ${kindWord(group)}'s row: select one of its containers for that`, 'error')];
	}

	const op = groupOps[command];
	if (!op) return undefined;
	const targets = groupTargets(group);
	const paused = targets.every((target) => target.state === 'paused');
	const bulk: BulkOp = op === 'pause' && paused ? 'unpause' : op;
	return [
		dispatch({
			type: 'ui/openDialog',
			dialog: {kind: 'bulkConfirm', op: bulk, targets, group: `${kindWord(group)} ${group.label}`},
		}),
	];
}

export function routeGroupCommand(state: AppState, command: Command, keys: KeyMap): Effect[] | undefined {
	if (command === 'grouping') {
		const grouped = !state.ui.grouped;
		return [
			dispatch({type: 'ui/groupedToggle'}),
			say(
				grouped
					? 'Containers grouped by compose project and stack'
					: `Every container listed loose (${keyHint(keys, 'grouping', 'containers')} groups them again)`,
			),
		];
	}

	if (command === 'collapse') {
		if (!state.ui.grouped) {
			return [say(`Grouping is off: ${keyHint(keys, 'grouping', 'containers')} groups containers by project`, 'error')];
		}

		const group = selectedGroup(state);
		if (!group) {
			const {container} = selection(state);
			return [say(`${container?.name ?? 'This row'} is not part of a compose project or stack`, 'error')];
		}

		return [dispatch({type: 'ui/collapseToggle', group: group.key})];
	}

	const {group} = selection(state);
	return group ? groupAction(group, command) : undefined;
}
