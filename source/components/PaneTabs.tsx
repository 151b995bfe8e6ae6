import {Text} from 'ink';
import type {PaneId} from '../state/ui.js';

type Props = {
	/** The pane on screen. */
	readonly pane: PaneId;
};

const tabs: ReadonlyArray<readonly [PaneId, string]> = [
	['containers', '1 Containers'],
	['images', '2 Images'],
	['volumes', '3 Volumes'],
	['networks', '4 Networks'],
];

/** The panes and the key for each; the one on screen stands out. */
export function PaneTabs({pane}: Props) {
	return (
		<Text>
			{tabs.map(([id, label]) => (
				<Text key={id} bold={id === pane} inverse={id === pane} dimColor={id !== pane}>
					{` ${label} `}
				</Text>
			))}
		</Text>
	);
}
