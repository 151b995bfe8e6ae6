import {Text} from 'ink';
import type {Command, KeyMap} from '../state/input/keymap.js';
import {displayKey} from '../state/input/key-text.js';
import type {PaneId} from '../state/core/ui.js';

type Props = {
	/** The pane on screen. */
	readonly pane: PaneId;
	/** For the key shown on each tab, which a config may have remapped. */
	readonly keys: KeyMap;
	/**
	 * Columns the tabs may take. When the named tabs do not fit beside the rest of the title (count, sort,
	 * filter, marks: what tells the user what they are looking at), the other panes shrink to their key.
	 */
	readonly room?: number;
	/** The engine is a swarm manager: its services, tasks and nodes panes have tabs too. */
	readonly swarm?: boolean;
};

const tabs: ReadonlyArray<readonly [PaneId, Command, string]> = [
	['containers', 'paneContainers', 'Containers'],
	['images', 'paneImages', 'Images'],
	['volumes', 'paneVolumes', 'Volumes'],
	['networks', 'paneNetworks', 'Networks'],
	['events', 'paneEvents', 'Events'],
];

const swarmTabs: ReadonlyArray<readonly [PaneId, Command, string]> = [
	['services', 'paneServices', 'Services'],
	['tasks', 'paneTasks', 'Tasks'],
	['nodes', 'paneNodes', 'Nodes'],
];

function tabTexts(pane: PaneId, keys: KeyMap, compact: boolean, swarm: boolean): ReadonlyArray<readonly [PaneId, string]> {
	return (swarm ? [...tabs, ...swarmTabs] : tabs).map(([id, command, label]) => {
		const key = keys.keysFor(command, 'global')[0];
		const shown = key ? displayKey(key) : '';
		if (compact && id !== pane && shown) return [id, ` ${shown} `];
		return [id, ` ${shown ? `${shown} ` : ''}${label} `];
	});
}

const width = (texts: ReadonlyArray<readonly [PaneId, string]>) => texts.reduce((sum, [, text]) => sum + text.length, 0);

/** The panes and the key for each; the one on screen stands out. */
export function PaneTabs({pane, keys, room = Number.POSITIVE_INFINITY, swarm = false}: Props) {
	const full = tabTexts(pane, keys, false, swarm);
	const texts = width(full) <= room ? full : tabTexts(pane, keys, true, swarm);
	return (
		<Text>
			{texts.map(([id, text]) => (
				<Text key={id} bold={id === pane} inverse={id === pane} dimColor={id !== pane}>
					{text}
				</Text>
			))}
		</Text>
	);
}
