import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import {useContainerChanges} from '../hooks/use-container-changes.js';
import {useContainerInfo} from '../hooks/use-container-info.js';
import {useContainerStats} from '../hooks/use-container-stats.js';
import {useContainerTop} from '../hooks/use-container-top.js';
import {diffLines, envLines, inspectLines, topLines, type InfoLine} from '../state/details/container-info.js';
import {detailsMatches, searchSummary} from '../state/details/details-search.js';
import {detailsTabs, tabTitles, type DetailsAction, type DetailsView} from '../state/details/details.js';
import type {Container} from '../state/core/model.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {InfoLines} from './InfoLines.js';
import {StatsTab} from './StatsTab.js';

type Props = {
	readonly view: DetailsView;
	/** The container as the live list has it now; undefined once it is removed. */
	readonly container: Container | undefined;
	readonly source: DetailsSource;
	readonly height: number;
	readonly width: number;
	/** Reports how far the tab can scroll (details/extent). */
	readonly dispatch: (action: DetailsAction) => void;
	/** For the keys the title names, which a config may have remapped. */
	readonly keys: KeyMap;
};

const message = (text: string): InfoLine[] => [{text, tone: 'dim'}];

const noLines: readonly InfoLine[] = [];

/** Tabs about one container: inspect, env, ports, mounts, top, stats and diff. */
export function DetailsPanel({view, container, source, height, width, dispatch, keys}: Props) {
	const running = container?.state === 'running';
	// Re-read inspect whenever the row changes state (start, stop, rename) or run, so nothing shown is stale.
	const info = useContainerInfo(source, view.id, `${container?.state}:${container?.name}`, container?.startedAt);
	const top = useContainerTop(source, view.id, view.tab === 'top', running);
	const changes = useContainerChanges(source, view.id, view.tab === 'diff');
	const stats = useContainerStats(source, view.id, view.tab === 'stats', running);
	const bodyHeight = Math.max(1, height - 3);
	const innerWidth = Math.max(10, width - 4);

	const name = container?.name ?? view.name;
	const exists = container !== undefined;
	// Memoised, so the lines reported to the state (for search and copy) change only when the text does.
	const lines = useMemo((): InfoLine[] | undefined => {
		if (!exists) return message(`${view.name} no longer exists`);
		if (info.error && !info.value) return message(`Could not inspect ${name}: ${info.error}`);
		if (!info.value) return message('Loading…');
		switch (view.tab) {
			case 'inspect':
				return inspectLines(info.value, view.raw, view.revealed);
			case 'env':
				return envLines(info.value.env, view.revealed);
			case 'ports':
				return info.value.ports.length === 0 ? message('No ports exposed or published') : undefined;
			case 'mounts':
				return info.value.mounts.length === 0 ? message('No mounts') : undefined;
			case 'top':
				return !running
					? message(`${name} is not running: no processes`)
					: top.value
						? topLines(top.value, innerWidth)
						: message(top.error ? `Could not list processes: ${top.error}` : 'Loading…');
			case 'stats':
				return undefined;
			case 'diff':
				return changes.value
					? diffLines(changes.value)
					: message(changes.error ? `Could not read changes: ${changes.error}` : 'Loading…');
		}
	}, [exists, view.name, view.tab, view.raw, view.revealed, name, info, running, top, changes, innerWidth]);

	let body: React.JSX.Element | undefined;
	if (!lines && info.value) {
		switch (view.tab) {
			case 'ports':
				body = (
					<Table data={info.value.ports.map((port) => ({container: port.container, host: port.host ?? '(not published)'}))} />
				);
				break;
			case 'mounts':
				body = <Table data={info.value.mounts.map((mount) => ({...mount}))} />;
				break;
			case 'stats':
				body = <StatsTab history={stats.history} ended={running ? stats.ended : `${name} is not running`} width={innerWidth} />;
				break;
			default:
				break;
		}
	}

	useEffect(() => {
		dispatch({kind: 'lines', lines: lines ?? noLines});
	}, [lines, dispatch]);

	const extent = lines ? Math.max(0, lines.length - bodyHeight) : 0;
	useEffect(() => {
		dispatch({kind: 'extent', maxOffset: extent});
	}, [extent, dispatch]);

	const found = searchSummary(view.lines, view.search.query, view.search.current);
	const hint =
		view.tab === 'inspect'
			? `${keyHint(keys, 'rawJson', 'details')}: ${view.raw ? 'sections' : 'raw JSON'}  ${keyHint(keys, 'reveal', 'details')}: ${view.revealed ? 'mask' : 'reveal'}`
			: view.tab === 'env'
				? `${keyHint(keys, 'reveal', 'details')}: ${view.revealed ? 'mask' : 'reveal'}`
				: '';
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height} width={width}>
			<Text wrap="truncate-end">
				<Text bold>{name}</Text>
				<Text dimColor>{' · '}</Text>
				{detailsTabs.map((tab) => (
					<Text key={tab} inverse={tab === view.tab} color={tab === view.tab ? 'cyan' : undefined}>
						{tab === view.tab ? `[${tabTitles[tab]}]` : ` ${tabTitles[tab]} `}
					</Text>
				))}
				{hint ? <Text dimColor>{`  ${hint}`}</Text> : null}
				{found ? <Text color="yellow">{`  ${found}`}</Text> : null}
			</Text>
			{body ? (
				<Box flexDirection="column" height={bodyHeight} overflow="hidden">
					{body}
				</Box>
			) : (
				<InfoLines
					lines={lines ?? []}
					offset={view.offset}
					height={bodyHeight}
					width={innerWidth}
					ranges={detailsMatches(view.lines, view.search.query).ranges}
					current={view.search.current}
				/>
			)}
		</Box>
	);
}
