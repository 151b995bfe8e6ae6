import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {useEffect} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import {useContainerChanges} from '../hooks/use-container-changes.js';
import {useContainerInfo} from '../hooks/use-container-info.js';
import {useContainerStats} from '../hooks/use-container-stats.js';
import {useContainerTop} from '../hooks/use-container-top.js';
import {diffLines, envLines, inspectLines, topLines, type InfoLine} from '../state/details/container-info.js';
import {detailsTabs, tabTitles, type DetailsAction, type DetailsView} from '../state/details/details.js';
import type {Container} from '../state/core/model.js';
import {keyHint, type KeyMap} from '../state/input/keymap.js';
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

/** Tabs about one container: inspect, env, ports, mounts, top, stats and diff. */
export function DetailsPanel({view, container, source, height, width, dispatch, keys}: Props) {
	const running = container?.state === 'running';
	// Re-read inspect whenever the row changes state (start, stop, rename) so nothing shown is stale.
	const info = useContainerInfo(source, view.id, `${container?.state}:${container?.name}:${container?.startedAt}`);
	const top = useContainerTop(source, view.id, view.tab === 'top', running);
	const changes = useContainerChanges(source, view.id, view.tab === 'diff');
	const stats = useContainerStats(source, view.id, view.tab === 'stats', running);
	const bodyHeight = Math.max(1, height - 3);
	const innerWidth = Math.max(10, width - 4);

	let lines: InfoLine[] | undefined;
	let body: React.JSX.Element | undefined;
	const name = container?.name ?? view.name;
	if (!container) lines = message(`${view.name} no longer exists`);
	else if (info.error && !info.value) lines = message(`Could not inspect ${name}: ${info.error}`);
	else if (!info.value) lines = message('Loading…');
	else {
		switch (view.tab) {
			case 'inspect':
				lines = inspectLines(info.value, view.raw, view.revealed);
				break;
			case 'env':
				lines = envLines(info.value.env, view.revealed);
				break;
			case 'ports':
				if (info.value.ports.length === 0) lines = message('No ports exposed or published');
				else
					body = (
						<Table data={info.value.ports.map((port) => ({container: port.container, host: port.host ?? '(not published)'}))} />
					);
				break;
			case 'mounts':
				if (info.value.mounts.length === 0) lines = message('No mounts');
				else body = <Table data={info.value.mounts.map((mount) => ({...mount}))} />;
				break;
			case 'top':
				lines = !running
					? message(`${name} is not running: no processes`)
					: top.value
						? topLines(top.value, innerWidth)
						: message(top.error ? `Could not list processes: ${top.error}` : 'Loading…');
				break;
			case 'stats':
				body = <StatsTab history={stats.history} ended={running ? stats.ended : `${name} is not running`} width={innerWidth} />;
				break;
			case 'diff':
				lines = changes.value
					? diffLines(changes.value)
					: message(changes.error ? `Could not read changes: ${changes.error}` : 'Loading…');
				break;
		}
	}

	const extent = lines ? Math.max(0, lines.length - bodyHeight) : 0;
	useEffect(() => {
		dispatch({kind: 'extent', maxOffset: extent});
	}, [extent, dispatch]);

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
			</Text>
			{body ? (
				<Box flexDirection="column" height={bodyHeight} overflow="hidden">
					{body}
				</Box>
			) : (
				<InfoLines lines={lines ?? []} offset={view.offset} height={bodyHeight} width={innerWidth} />
			)}
		</Box>
	);
}
