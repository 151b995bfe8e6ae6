import {Text} from 'ink';
import {displayKey, type Command, type KeyMap} from '../state/input/keymap.js';
import type {PaneId} from '../state/core/ui.js';

type Props = {
	/** The pane on screen. */
	readonly pane: PaneId;
	/** For the key shown on each tab, which a config may have remapped. */
	readonly keys: KeyMap;
};

const tabs: ReadonlyArray<readonly [PaneId, Command, string]> = [
	['containers', 'paneContainers', 'Containers'],
	['images', 'paneImages', 'Images'],
	['volumes', 'paneVolumes', 'Volumes'],
	['networks', 'paneNetworks', 'Networks'],
	['events', 'paneEvents', 'Events'],
];

/** The panes and the key for each; the one on screen stands out. */
export function PaneTabs({pane, keys}: Props) {
	return (
		<Text>
			{tabs.map(([id, command, label]) => {
				const key = keys.keysFor(command, 'global')[0];
				return (
					<Text key={id} bold={id === pane} inverse={id === pane} dimColor={id !== pane}>
						{` ${key ? `${displayKey(key)} ` : ''}${label} `}
					</Text>
				);
			})}
		</Text>
	);
}
