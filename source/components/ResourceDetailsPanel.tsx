import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import {useResourceInfo} from '../hooks/use-resource-info.js';
import type {InfoLine} from '../state/details/container-info.js';
import type {DetailsAction, DetailsView} from '../state/details/details.js';
import {detailsMatches, searchSummary} from '../state/details/details-search.js';
import {resourceLines, resourceTitles, type ResourceKind} from '../state/details/resource-info.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {InfoLines} from './InfoLines.js';

type Props = {
	readonly view: DetailsView;
	readonly kind: ResourceKind;
	/**
	 * The containers the list knows use it (for a network: are attached to it), as its row has them now;
	 * undefined once the row is gone.
	 */
	readonly usedBy: readonly string[] | undefined;
	readonly source: DetailsSource;
	readonly height: number;
	readonly width: number;
	/** Reports how far the panel can scroll and the lines it shows. */
	readonly dispatch: (action: DetailsAction) => void;
	/** For the keys the title names, which a config may have remapped. */
	readonly keys: KeyMap;
};

const message = (text: string): InfoLine[] => [{text, tone: 'dim'}];

/** The details of one image (layers, users), volume (mountpoint, users) or network (containers, addresses). */
export function ResourceDetailsPanel({view, kind, usedBy, source, height, width, dispatch, keys}: Props) {
	const gone = usedBy === undefined;
	// Read again when the row changes: a container attached or created from it, a tag added.
	const info = useResourceInfo(source, kind, view.id, usedBy?.join('\u0000'));
	const bodyHeight = Math.max(1, height - 3);
	const innerWidth = Math.max(10, width - 4);
	const lines = useMemo((): InfoLine[] => {
		if (gone) return message(`${view.name} no longer exists`);
		if (info.error && !info.value) return message(`Could not inspect ${view.name}: ${info.error}`);
		if (!info.value) return message('Loading…');
		return resourceLines(info.value, usedBy, view.raw, view.revealed, info.at);
	}, [gone, view.name, view.raw, view.revealed, info, usedBy]);

	const extent = Math.max(0, lines.length - bodyHeight);
	useEffect(() => {
		dispatch({kind: 'extent', maxOffset: extent});
	}, [extent, dispatch]);
	useEffect(() => {
		dispatch({kind: 'lines', lines});
	}, [lines, dispatch]);

	const hint = `${keyHint(keys, 'rawJson', 'details')}: ${view.raw ? 'sections' : 'raw JSON'}  ${keyHint(keys, 'reveal', 'details')}: ${view.revealed ? 'mask' : 'reveal'}`;
	const found = searchSummary(view.lines, view.search.query, view.search.current);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height} width={width}>
			<Text wrap="truncate-end">
				<Text bold>{view.name}</Text>
				<Text dimColor>{' · '}</Text>
				<Text inverse color="cyan">{`[${resourceTitles[kind]}]`}</Text>
				<Text dimColor>{`  ${hint}`}</Text>
				{found ? <Text color="yellow">{`  ${found}`}</Text> : null}
			</Text>
			<InfoLines
				lines={lines}
				offset={view.offset}
				height={bodyHeight}
				width={innerWidth}
				ranges={detailsMatches(view.lines, view.search.query).ranges}
				current={view.search.current}
			/>
		</Box>
	);
}
