import {Box, Text} from 'ink';
import type {EngineInfo} from '../state/core/app.js';
import type {ContainerCounts} from '../state/containers/containers.js';
import type {EngineConnection, EngineEntry} from '../state/core/engines.js';

type Props = {
	/** The engine being shown. */
	readonly engine: EngineInfo;
	/** Containers per state group, within the scope. */
	readonly counts: ContainerCounts;
};

const connectionLooks: Readonly<Record<EngineConnection, {readonly glyph: string; readonly color: string}>> = {
	connected: {glyph: '●', color: 'green'},
	reconnecting: {glyph: '◐', color: 'yellow'},
	unreachable: {glyph: '○', color: 'red'},
};

/** Several engines: each one's name and connection (its word only when not connected, to keep the line short), in command-line order. */
function EngineStates({engines}: {readonly engines: readonly EngineEntry[]}) {
	return (
		<Text>
			{engines.map((entry, index) => (
				<Text key={entry.key}>
					{index > 0 ? ' · ' : ''}
					<Text>{entry.name} </Text>
					<Text color={connectionLooks[entry.connection].color}>
						{connectionLooks[entry.connection].glyph}
						{entry.connection === 'connected' ? '' : ` ${entry.connection}`}
					</Text>
				</Text>
			))}
		</Text>
	);
}

/** One line: where dockpit is connected, the engine version, and how many containers are in each state. */
export function Header({engine, counts}: Props) {
	return (
		<Box justifyContent="space-between">
			<Text wrap="truncate-end">
				<Text bold color="cyan">
					dockpit
				</Text>{' '}
				{engine.engines ? (
					<EngineStates engines={engine.engines} />
				) : (
					<>
						<Text>{engine.endpoint}</Text>
						{engine.context ? <Text color="blue"> (context {engine.context})</Text> : null}
						{engine.version ? <Text dimColor> · Engine {engine.version}</Text> : null}
					</>
				)}
				{engine.scope.length > 0 ? <Text color="magenta"> · scope {engine.scope.join(' ')}</Text> : null}
			</Text>
			<Box flexShrink={0}>
				<Text>
					{' '}
					<Text color="green">● {counts.running} running</Text> <Text color="yellow">◐ {counts.paused} paused</Text>{' '}
					<Text dimColor>○ {counts.stopped} stopped</Text>
				</Text>
			</Box>
		</Box>
	);
}
